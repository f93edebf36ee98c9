#pragma once
// Internal to src/pdf. Fonts embedded by us rather than by libharu, whose text API cannot place
// the glyphs HarfBuzz chooses: per face a Type0 font (Identity-H) over a CIDFontType2 whose
// FontFile2 is an hb-subset subset keeping glyph ids, a W array of the glyphs used, and a
// ToUnicode CMap learnt from the clusters.
#include <hpdf.h>

#include <memory>
#include <string>
#include <vector>

#include "pdf/deflater.h"
#include "text/glyph_run.h"

namespace lp {

class FontEmbedder {
 public:
  // Shares subsets with the other writers of the build while a SubsetSharing lives.
  explicit FontEmbedder(HPDF_Doc doc);

  // First pass over every run: glyphs used, and what each glyph stands for where that is plain.
  void learn(const GlyphRun& run);
  // The Type0 font dictionary of a face (made on first use) and its resource name.
  HPDF_Dict font_dict(const FontFace* face);
  std::string resource_name(const FontFace* face);
  // What writing a face's runs asks for every cluster and glyph, looked up once per run.
  class FaceTables {
   public:
    // A cluster whose text the ToUnicode map cannot give back (several glyphs, or a glyph that
    // stands for other text elsewhere) is written inside an /ActualText span.
    bool needs_actual_text(const GlyphRun& run, const Cluster& cluster) const {
      if (cluster.glyph_count != 1 || !unicode_) return true;
      const uint32_t id = run.glyphs[cluster.first_glyph].id;
      return id >= unicode_->size() || (*unicode_)[id].empty() || (*unicode_)[id] != run.text_of(cluster);
    }
    // Width of a glyph in the PDF's glyph space (1/1000 em), as the W array says.
    double pdf_width(uint32_t glyph) const {
      // learnt glyphs' advances are kept: a table is cheaper than asking HarfBuzz
      int advance = advance_ && glyph < advance_->size() ? (*advance_)[glyph] : -1;
      if (advance < 0) advance = face_->advance(glyph);
      return advance * 1000.0 / face_->units_per_em;
    }

   private:
    friend class FontEmbedder;
    const FontFace* face_ = nullptr;
    const std::vector<int32_t>* advance_ = nullptr;
    const std::vector<std::string>* unicode_ = nullptr;
  };
  FaceTables tables(const FontFace* face) const;
  // Subsets and writes every font's objects; false on failure.
  bool finish(std::string& error);
  // The face HarfBuzz could not subset, when that is why finish failed (a damaged font: an
  // input error, not the writer's), else nullptr.
  const FontFace* damaged_face() const { return damaged_; }

  struct Subset {
    std::string deflated;
    unsigned length = 0;  // before deflating
  };
  struct SubsetStore;

 private:
  // Tables by glyph id: a lookup for every glyph of every page must cost next to nothing.
  struct Embedded {
    const FontFace* face = nullptr;
    HPDF_Dict type0 = nullptr;
    std::string resource;
    std::vector<bool> used;
    std::vector<int32_t> advance;      // in font units, of the glyphs used (-1: not looked up)
    std::vector<std::string> unicode;  // text from single-glyph clusters; "" where none
    std::shared_ptr<const Subset> file;  // the embedded subset, read where it is at the save
    std::vector<uint32_t> used_glyphs() const;  // ascending
  };
  Embedded& entry(const FontFace* face);
  bool write_font(Embedded& e, std::string& error);  // its subset cut already (e.file)
  std::shared_ptr<const Subset> subset(const FontFace* face, const std::vector<uint32_t>& glyphs, Deflater& deflater,
                                       std::string& error, bool& damaged);

  HPDF_Doc doc_;
  std::vector<Embedded> fonts_;  // by face index: a deterministic order
  Deflater deflater_;            // font files and ToUnicode maps
  std::shared_ptr<SubsetStore> store_;  // the build's, if it shares subsets
  const FontFace* damaged_ = nullptr;
};

}  // namespace lp
