#include "text/font_set.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <fmt/format.h>

namespace lp {

namespace {

// Reads the file through FreeType first: it rejects what is not a font with a clear reason,
// and gives the names and metrics the PDF's font descriptor needs.
std::unique_ptr<FontFace> open_face(FT_Library ft, const std::string& path, const std::string& family,
                                    std::string& why) {
  FT_Face ftf = nullptr;
  if (FT_Error err = FT_New_Face(ft, path.c_str(), 0, &ftf)) {
    const char* msg = FT_Error_String(err);
    why = msg ? msg : fmt::format("FreeType error {}", err);
    return nullptr;
  }
  if (!FT_IS_SFNT(ftf) || !FT_IS_SCALABLE(ftf)) {
    FT_Done_Face(ftf);
    why = "not an OpenType/TrueType font";
    return nullptr;
  }
  auto f = std::make_unique<FontFace>();
  f->path = path;
  f->family = family;
  const char* ps = FT_Get_Postscript_Name(ftf);
  f->postscript_name = ps ? ps : family;
  f->units_per_em = ftf->units_per_EM;
  f->ascender = ftf->ascender;
  f->descender = ftf->descender;
  f->bbox[0] = static_cast<int>(ftf->bbox.xMin);
  f->bbox[1] = static_cast<int>(ftf->bbox.yMin);
  f->bbox[2] = static_cast<int>(ftf->bbox.xMax);
  f->bbox[3] = static_cast<int>(ftf->bbox.yMax);
  f->bold = ftf->style_flags & FT_STYLE_FLAG_BOLD;
  f->italic = ftf->style_flags & FT_STYLE_FLAG_ITALIC;
  if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(ftf, FT_SFNT_OS2)); os2 && os2->version >= 2)
    f->cap_height = os2->sCapHeight;
  if (!f->cap_height) f->cap_height = f->ascender;
  if (auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(ftf, FT_SFNT_POST)))
    f->italic_angle = static_cast<int>(post->italicAngle >> 16);
  FT_Done_Face(ftf);

  f->blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!f->blob) {
    why = "cannot read the file";
    return nullptr;
  }
  f->face = hb_face_create(f->blob, 0);
  f->font = hb_font_create(f->face);
  hb_font_set_scale(f->font, static_cast<int>(f->units_per_em), static_cast<int>(f->units_per_em));
  return f;
}

}  // namespace

FontSet::~FontSet() {
  for (auto& f : faces_) {
    hb_font_destroy(f->font);
    hb_face_destroy(f->face);
    hb_blob_destroy(f->blob);
  }
}

std::unique_ptr<FontSet> FontSet::load(const FontConfig& config, Diagnostics& diags) {
  auto set = std::make_unique<FontSet>();
  FT_Library ft = nullptr;
  if (FT_Init_FreeType(&ft)) {
    diags.error(config.path, {}, "cannot start FreeType");
    return set;
  }
  for (const auto& spec : config.families) {
    Family fam;
    auto add = [&](const std::string& path, const FontFace*& slot) {
      if (path.empty()) return;
      std::string why;
      auto face = open_face(ft, path, spec.name, why);
      if (!face) {
        diags.error(config.path, spec.pos, fmt::format("cannot load font '{}' of family '{}': {}", path, spec.name, why));
        return;
      }
      face->index = static_cast<unsigned>(set->faces_.size());
      slot = face.get();
      set->faces_.push_back(std::move(face));
    };
    add(spec.regular, fam.regular);
    add(spec.bold, fam.bold);
    add(spec.italic, fam.italic);
    add(spec.bold_italic, fam.bold_italic);
    if (fam.regular) set->families_[spec.name] = fam;
  }
  FT_Done_FreeType(ft);
  for (const auto& [role, family] : config.roles)
    if (set->families_.count(family)) set->roles_[role] = family;
  for (const auto& name : config.fallback)
    if (set->families_.count(name)) set->fallback_.push_back(name);
  return set;
}

const FontFace* FontSet::pick(const Family& f, bool bold, bool italic) const {
  if (bold && italic && f.bold_italic) return f.bold_italic;
  if (bold && f.bold) return f.bold;
  if (italic && f.italic) return f.italic;
  return f.regular;
}

const FontFace* FontSet::face(const std::string& role, bool bold, bool italic) const {
  auto it = roles_.find(role);
  if (it == roles_.end()) it = roles_.find("body");
  if (it == roles_.end()) return faces_.empty() ? nullptr : faces_.front().get();
  return pick(families_.at(it->second), bold, italic);
}

std::vector<const FontFace*> FontSet::fallback(bool bold) const {
  std::vector<const FontFace*> out;
  for (const auto& name : fallback_) out.push_back(pick(families_.at(name), bold, false));
  return out;
}

}  // namespace lp
