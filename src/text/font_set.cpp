#include "text/font_set.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <fmt/format.h>
#include <hb-subset.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <string_view>
#include <thread>

#include "text/line_breaks.h"

namespace lp {

namespace {

constexpr unsigned kMostLoadThreads = 4;
constexpr const char* kNoSubset = "HarfBuzz cannot subset it (a damaged font)";

uint32_t be32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t(u[0]) << 24) | (u[1] << 16) | (u[2] << 8) | u[3];
}

// FreeType and HarfBuzz read a font's tables when they are first needed: a truncated file opens
// and shapes, then fails to subset in the PDF stage. Every table must lie inside the file.
std::string truncation_problem(hb_blob_t* blob) {
  unsigned size = 0;
  const char* data = hb_blob_get_data(blob, &size);
  size_t font = 0;  // a collection's first font
  if (size >= 16 && std::string_view(data, 4) == "ttcf") font = be32(data + 12);
  if (size < 12 || font > size - 12) return "the file is truncated (no table directory)";
  const uint32_t tables = (static_cast<unsigned char>(data[font + 4]) << 8) | static_cast<unsigned char>(data[font + 5]);
  if (font + 12 + uint64_t{tables} * 16 > size) return "the file is truncated (in its table directory)";
  for (uint32_t i = 0; i < tables; ++i) {
    const char* record = data + font + 12 + size_t{i} * 16;
    if (uint64_t{be32(record + 8)} + be32(record + 12) > size)
      return fmt::format("the file is truncated (its '{}' table ends past the end)", std::string_view(record, 4));
  }
  return "";
}

// What the PDF stage will do with the font: its subset (of glyph 0, the one every font has).
bool subsets(hb_face_t* face) {
  hb_face_t* subset = pdf_subset(face, {});
  if (!subset) return false;
  hb_face_destroy(subset);
  return true;
}

// Reads the file through FreeType first: it rejects what is not a font with a clear reason,
// and gives the names and metrics the PDF's font descriptor needs.
std::unique_ptr<FontFace> open_face(FT_Library ft, const std::string& path, const std::string& family,
                                    std::string& why, bool check_subset) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec)) {
    why = "not a regular file";  // a FIFO would block the read for ever
    return nullptr;
  }
  FT_Face ftf = nullptr;
  if (FT_Error err = FT_New_Face(ft, path.c_str(), 0, &ftf)) {
    const char* msg = FT_Error_String(err);
    why = msg ? msg : fmt::format("FreeType cannot read it as a font (error {})", err);
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
  why = truncation_problem(f->blob);
  f->face = hb_face_create(f->blob, 0);
  if (why.empty() && check_subset && !subsets(f->face)) why = kNoSubset;
  f->font = hb_font_create(f->face);
  if (!why.empty()) {
    hb_font_destroy(f->font);
    hb_face_destroy(f->face);
    hb_blob_destroy(f->blob);
    return nullptr;
  }
  hb_font_set_scale(f->font, static_cast<int>(f->units_per_em), static_cast<int>(f->units_per_em));
  return f;
}

}  // namespace

hb_face_t* pdf_subset(hb_face_t* face, const std::vector<uint32_t>& glyphs) {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) return nullptr;
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input);
  hb_set_add(glyph_set, 0);
  for (uint32_t g : glyphs) hb_set_add(glyph_set, g);
  // Keep glyph ids, so the content streams' ids stay valid; the PDF needs no layout tables.
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS);
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t t : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                     HB_TAG('k', 'e', 'r', 'n'), HB_TAG('m', 'o', 'r', 'x'), HB_TAG('J', 'S', 'T', 'F')})
    hb_set_add(drop, t);
  hb_face_t* cut = hb_subset_or_fail(face, input);
  hb_subset_input_destroy(input);
  return cut;
}

void FontSet::share_line_breaks() {
  if (!line_breaks_) line_breaks_ = std::make_unique<LineBreakStore>();
}

FontSet::~FontSet() {
  if (pending_ && pending_->problems.valid()) pending_->problems.wait();  // they read the faces
  for (auto& f : faces_) {
    hb_font_destroy(f->font);
    hb_face_destroy(f->face);
    hb_blob_destroy(f->blob);
  }
}

std::unique_ptr<FontSet> FontSet::load(const FontConfig& config, Diagnostics& diags, Checks checks) {
  auto set = std::make_unique<FontSet>();
  // Every file, in the configuration's order: each family's regular, bold, italic, bold italic.
  struct Job {
    size_t family;
    int style;  // 0 regular, 1 bold, 2 italic, 3 bold italic
    const std::string* path;
    std::unique_ptr<FontFace> face;
    std::string why;
  };
  std::vector<Job> jobs;
  for (size_t i = 0; i < config.families.size(); ++i) {
    const auto& spec = config.families[i];
    const std::string* paths[] = {&spec.regular, &spec.bold, &spec.italic, &spec.bold_italic};
    for (int style = 0; style < 4; ++style)
      if (!paths[style]->empty()) jobs.push_back(Job{i, style, paths[style], nullptr, {}});
  }
  // The files are opened and checked on as many threads as there are cores (a trial subset
  // each: about half of the ~10 ms the real configuration's 17 files take), each thread with
  // a FreeType library of its own; what they find is kept in the configuration's order.
  std::atomic<size_t> next{0};
  std::atomic<bool> no_freetype{false};
  auto work = [&] {
    FT_Library ft = nullptr;
    if (FT_Init_FreeType(&ft)) {
      no_freetype = true;
      return;
    }
    for (size_t j; (j = next++) < jobs.size();)
      jobs[j].face = open_face(ft, *jobs[j].path, config.families[jobs[j].family].name, jobs[j].why, checks == Checks::Now);
    FT_Done_FreeType(ft);
  };
  const unsigned helpers = std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()), kMostLoadThreads) - 1;
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < helpers && t + 1 < jobs.size(); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (no_freetype) {
    diags.error(config.path, {}, "cannot start FreeType");
    return std::make_unique<FontSet>();
  }
  std::vector<Family> families(config.families.size());
  std::vector<std::pair<std::string, SourcePos>> family_of;  // of each face kept, in face order
  for (auto& job : jobs) {
    const auto& spec = config.families[job.family];
    if (!job.face) {
      diags.error(config.path, spec.pos, fmt::format("cannot load font '{}' of family '{}': {}", *job.path, spec.name, job.why));
      continue;
    }
    Family& fam = families[job.family];
    const FontFace** slots[] = {&fam.regular, &fam.bold, &fam.italic, &fam.bold_italic};
    job.face->index = static_cast<unsigned>(set->faces_.size());
    family_of.emplace_back(spec.name, spec.pos);
    *slots[job.style] = job.face.get();
    set->faces_.push_back(std::move(job.face));
  }
  if (checks == Checks::Later) {
    Pending& p = set->pending_.emplace();
    p.config_path = config.path;
    p.family_of = std::move(family_of);
    std::vector<hb_face_t*> faces;
    for (const auto& f : set->faces_) faces.push_back(f->face);
    p.problems = std::async(std::launch::async, [faces] {
      std::vector<std::string> problems;
      for (hb_face_t* face : faces) problems.push_back(subsets(face) ? "" : kNoSubset);
      return problems;
    });
  }
  for (size_t i = 0; i < config.families.size(); ++i)
    if (families[i].regular) set->families_[config.families[i].name] = families[i];
  for (const auto& [role, family] : config.roles)
    if (set->families_.count(family)) set->roles_[role] = family;
  for (const auto& name : config.fallback)
    if (set->families_.count(name)) set->fallback_.push_back(name);
  return set;
}

bool FontSet::checks_passed(Diagnostics& diags) const {
  std::lock_guard lock(pending_mutex_);
  if (passed_) return *passed_;
  passed_ = true;
  if (!pending_) return true;
  const std::vector<std::string> problems = pending_->problems.get();
  for (size_t i = 0; i < problems.size() && i < faces_.size(); ++i) {
    if (problems[i].empty()) continue;
    const auto& [family, pos] = pending_->family_of[i];
    diags.error(pending_->config_path, pos,
                fmt::format("cannot load font '{}' of family '{}': {}", faces_[i]->path, family, problems[i]));
    passed_ = false;
  }
  return *passed_;
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
