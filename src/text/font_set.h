#pragma once
// The typefaces of one build: every file of fonts.yaml loaded once, found by role and style,
// with the fallback chain for characters the role's face lacks.
#include <hb.h>

#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/font_config.h"
#include "text/shaping_cache.h"

namespace lp {

class LineBreakStore;

struct FontFace {
  std::string path;
  std::string family;
  std::string postscript_name;
  unsigned index = 0;  // load order: a stable name for dumps and PDF resources
  unsigned units_per_em = 1000;
  int ascender = 0, descender = 0, cap_height = 0;  // font units
  int bbox[4] = {0, 0, 0, 0};
  int italic_angle = 0;
  bool bold = false, italic = false;
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;  // scale = units_per_em

  bool has_char(char32_t c) const {
    hb_codepoint_t g;
    return hb_font_get_nominal_glyph(font, c, &g);
  }
  // Advance of a glyph in font units.
  int advance(unsigned glyph) const { return hb_font_get_glyph_h_advance(font, glyph); }
};

// The subset the PDF stage embeds of a face: .notdef and `glyphs`, their ids kept, without the
// layout tables a PDF does not use (GSUB, GPOS, GDEF, kern, morx, JSTF); nullptr when HarfBuzz
// cannot make it. The caller destroys it. FontSet's trial subsets make the same (of .notdef).
hb_face_t* pdf_subset(hb_face_t* face, const std::vector<uint32_t>& glyphs);

class FontSet {
 public:
  FontSet() = default;
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;
  ~FontSet();

  // When the trial subset of each face (does HarfBuzz subset it, as the PDF stage will?) is made:
  // while loading, on a thread of its own, or never (a build that writes PDFs: its own subsets
  // are the check of the faces it embeds, and a face it does not embed changes nothing in them).
  enum class Checks { Now, Later, None };
  // Loads every file fonts.yaml names; problems go to `diags` against fonts.yaml. With
  // Checks::Later the trial subsets run on a thread of their own while the caller goes on (they
  // are about half of the loading): a face that fails is kept until checks_passed() says so.
  static std::unique_ptr<FontSet> load(const FontConfig& config, Diagnostics& diags, Checks checks = Checks::Now);
  // Waits for the trial subsets of Checks::Later (none with Checks::Now) and says whether every
  // face passed; the first call's `diags` gets the errors. Thread-safe; call before a subset is made.
  bool checks_passed(Diagnostics& diags) const;

  bool has_role(const std::string& role) const { return roles_.count(role) > 0; }
  // The face for a role and style; the nearest style the family has when it lacks that one.
  const FontFace* face(const std::string& role, bool bold, bool italic) const;
  // The fallback faces in order, bold where the family has it.
  std::vector<const FontFace*> fallback(bool bold) const;
  const std::vector<std::unique_ptr<FontFace>>& faces() const { return faces_; }
  // HarfBuzz's results for these faces, shared by every edition of the build (thread-safe).
  ShapingCache& shaping_cache() const { return shaping_cache_; }
  // The line break opportunities found, shared by the editions of a build that makes several
  // (thread-safe); nullptr until share_line_breaks(), which must come before any shaping.
  LineBreakStore* line_break_store() const { return line_breaks_.get(); }
  void share_line_breaks();

 private:
  struct Family {
    const FontFace* regular = nullptr;
    const FontFace* bold = nullptr;
    const FontFace* italic = nullptr;
    const FontFace* bold_italic = nullptr;
  };
  const FontFace* pick(const Family& f, bool bold, bool italic) const;

  std::vector<std::unique_ptr<FontFace>> faces_;
  std::map<std::string, Family> families_;
  std::map<std::string, std::string> roles_;
  std::vector<std::string> fallback_;
  mutable ShapingCache shaping_cache_;
  std::unique_ptr<LineBreakStore> line_breaks_;
  // Checks::Later: the faces' trial subsets, each face's problem ("" when none) in face order.
  struct Pending {
    std::string config_path;
    std::vector<std::pair<std::string, SourcePos>> family_of;  // each face's family name and where
    std::future<std::vector<std::string>> problems;
  };
  mutable std::optional<Pending> pending_;
  mutable std::mutex pending_mutex_;
  mutable std::optional<bool> passed_;
};

}  // namespace lp
