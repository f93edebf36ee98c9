#include "pdf/font_embedder.h"

#include <hb-subset.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include <atomic>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>

#include "pdf/pdf_objects.h"
#include "pdf/subset_sharing.h"

namespace lp {

// The subsets of the build under way, by face and glyph set (faces outlive the build).
struct FontEmbedder::SubsetStore {
  std::mutex mutex;
  std::map<std::pair<const FontFace*, std::vector<uint32_t>>, std::shared_ptr<const Subset>> subsets;
  size_t reused = 0;
};

namespace {

std::mutex sharing_mutex;
int sharing_count = 0;  // SubsetSharing objects alive
std::shared_ptr<FontEmbedder::SubsetStore> shared_store;

}  // namespace

SubsetSharing::SubsetSharing() {
  std::lock_guard lock(sharing_mutex);
  if (sharing_count++ == 0) shared_store = std::make_shared<FontEmbedder::SubsetStore>();
}

size_t SubsetSharing::reused() const {
  std::lock_guard lock(sharing_mutex);
  if (!shared_store) return 0;
  std::lock_guard store_lock(shared_store->mutex);
  return shared_store->reused;
}

SubsetSharing::~SubsetSharing() {
  std::lock_guard lock(sharing_mutex);
  if (--sharing_count == 0) shared_store.reset();
}

FontEmbedder::FontEmbedder(HPDF_Doc doc) : doc_(doc) {
  std::lock_guard lock(sharing_mutex);
  store_ = shared_store;
}

FontEmbedder::Embedded& FontEmbedder::entry(const FontFace* face) {
  if (fonts_.size() <= face->index) fonts_.resize(face->index + 1);
  Embedded& e = fonts_[face->index];
  if (!e.face) {
    e.face = face;
    e.resource = fmt::format("F{}", face->index);
    const unsigned count = hb_face_get_glyph_count(face->face);
    e.used.assign(count, false);
    e.advance.assign(count, -1);
    e.unicode.assign(count, std::string());
  }
  return e;
}

std::vector<uint32_t> FontEmbedder::Embedded::used_glyphs() const {
  std::vector<uint32_t> out;
  for (uint32_t g = 0; g < used.size(); ++g)
    if (used[g]) out.push_back(g);
  return out;
}

void FontEmbedder::learn(const GlyphRun& run) {
  Embedded& e = entry(run.face);
  for (const auto& g : run.glyphs)
    if (g.id < e.used.size() && !e.used[g.id]) {
      e.used[g.id] = true;
      e.advance[g.id] = run.face->advance(g.id);
    }
  for (const auto& c : run.clusters) {
    const uint32_t id = run.glyphs[c.first_glyph].id;
    if (c.glyph_count == 1 && c.text_length > 0 && id < e.unicode.size() && e.unicode[id].empty()) e.unicode[id] = run.text_of(c);
  }
}

std::string FontEmbedder::resource_name(const FontFace* face) { return entry(face).resource; }

HPDF_Dict FontEmbedder::font_dict(const FontFace* face) {
  Embedded& e = entry(face);
  if (!e.type0) {
    e.type0 = HPDF_Dict_New(doc_->mmgr);
    HPDF_Xref_Add(doc_->xref, e.type0);
  }
  return e.type0;
}

FontEmbedder::FaceTables FontEmbedder::tables(const FontFace* face) const {
  FaceTables t;
  t.face_ = face;
  if (face->index < fonts_.size()) {
    t.advance_ = &fonts_[face->index].advance;
    t.unicode_ = &fonts_[face->index].unicode;
  }
  return t;
}

namespace {

// Six capital letters from the glyph set, so that two subsets of one font never share a name.
std::string subset_tag(const FontFace* face, const std::vector<uint32_t>& glyphs) {
  uint64_t h = fnv1a64(face->postscript_name);
  for (uint32_t g : glyphs) h = fnv1a64(&g, sizeof g, h);
  std::string tag;
  for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
  return tag;
}

std::string utf16be_hex(const std::string& utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::string out;
  for (int32_t i = 0; i < u.length(); ++i) out += fmt::format("{:04X}", static_cast<unsigned>(u.charAt(i)));
  return out;
}

std::string to_unicode_cmap(const std::vector<std::string>& unicode) {
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<uint32_t, std::string>> entries;
  for (uint32_t g = 0; g < unicode.size(); ++g)
    if (!unicode[g].empty()) entries.emplace_back(g, unicode[g]);
  for (size_t i = 0; i < entries.size(); i += 100) {
    const size_t n = std::min<size_t>(100, entries.size() - i);
    s += fmt::format("{} beginbfchar\n", n);
    for (size_t j = i; j < i + n; ++j) s += fmt::format("<{:04X}> <{}>\n", entries[j].first, utf16be_hex(entries[j].second));
    s += "endbfchar\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

}  // namespace

// The font file of a face cut to `glyphs` (ids kept), deflated; nullptr on failure (`damaged`
// when HarfBuzz could not cut it). Called from two threads at once, each with its own deflater.
std::shared_ptr<const FontEmbedder::Subset> FontEmbedder::subset(const FontFace* face, const std::vector<uint32_t>& glyphs,
                                                                 Deflater& deflater, std::string& error, bool& damaged) {
  if (store_) {
    std::lock_guard lock(store_->mutex);
    auto it = store_->subsets.find({face, glyphs});
    if (it != store_->subsets.end()) {
      ++store_->reused;
      return it->second;
    }
  }
  hb_face_t* cut = pdf_subset(face->face, glyphs);
  if (!cut) {
    damaged = true;
    error = fmt::format("cannot embed font '{}' of family '{}': HarfBuzz cannot subset it (a damaged font)", face->path,
                        face->family);
    return nullptr;
  }
  hb_blob_t* blob = hb_face_reference_blob(cut);
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  auto made = std::make_shared<Subset>();
  made->length = length;
  const bool deflated_ok = deflater.deflate(std::string_view(data, length), made->deflated);
  hb_blob_destroy(blob);
  hb_face_destroy(cut);
  if (!deflated_ok) {
    error = "out of memory";
    return nullptr;
  }
  if (store_) {
    std::lock_guard lock(store_->mutex);
    return store_->subsets.try_emplace({face, glyphs}, std::move(made)).first->second;
  }
  return made;
}

bool FontEmbedder::write_font(Embedded& e, std::string& error) {
  const FontFace* face = e.face;
  const std::vector<uint32_t> glyphs = e.used_glyphs();
  HPDF_MMgr mmgr = doc_->mmgr;
  hb_blob_t* cff_table = hb_face_reference_table(face->face, HB_TAG('C', 'F', 'F', ' '));
  const bool cff = hb_blob_get_length(cff_table) > 0;
  hb_blob_destroy(cff_table);
  HPDF_Dict file = HPDF_DictStream_New(mmgr, doc_->xref);
  if (cff) HPDF_Dict_AddName(file, "Subtype", "OpenType");
  else HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(e.file->length));
  if (!use_deflated_stream(file, e.file->deflated)) {
    error = "out of memory";
    return false;
  }

  const std::string base_font = subset_tag(face, glyphs) + "+" + face->postscript_name;
  const double k = 1000.0 / face->units_per_em;

  HPDF_Dict descriptor = HPDF_Dict_New(mmgr);
  HPDF_Xref_Add(doc_->xref, descriptor);
  HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  HPDF_Dict_AddName(descriptor, "FontName", base_font.c_str());
  HPDF_Dict_AddNumber(descriptor, "Flags", 4 | (face->italic ? 64 : 0));  // symbolic, italic
  HPDF_Dict_Add(descriptor, "FontBBox",
                real_array(mmgr, {face->bbox[0] * k, face->bbox[1] * k, face->bbox[2] * k, face->bbox[3] * k}));
  HPDF_Dict_AddNumber(descriptor, "ItalicAngle", face->italic_angle);
  HPDF_Dict_AddReal(descriptor, "Ascent", static_cast<HPDF_REAL>(face->ascender * k));
  HPDF_Dict_AddReal(descriptor, "Descent", static_cast<HPDF_REAL>(face->descender * k));
  HPDF_Dict_AddReal(descriptor, "CapHeight", static_cast<HPDF_REAL>(face->cap_height * k));
  HPDF_Dict_AddNumber(descriptor, "StemV", face->bold ? 120 : 80);
  HPDF_Dict_Add(descriptor, cff ? "FontFile3" : "FontFile2", file);

  HPDF_Dict cid = HPDF_Dict_New(mmgr);
  HPDF_Xref_Add(doc_->xref, cid);
  HPDF_Dict_AddName(cid, "Type", "Font");
  HPDF_Dict_AddName(cid, "Subtype", cff ? "CIDFontType0" : "CIDFontType2");
  HPDF_Dict_AddName(cid, "BaseFont", base_font.c_str());
  HPDF_Dict info = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
  HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
  HPDF_Dict_AddNumber(info, "Supplement", 0);
  HPDF_Dict_Add(cid, "CIDSystemInfo", info);
  HPDF_Dict_Add(cid, "FontDescriptor", descriptor);
  if (!cff) HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
  // W: runs of consecutive glyph ids with their widths.
  HPDF_Array widths = HPDF_Array_New(mmgr);
  HPDF_Array group = nullptr;
  uint32_t previous = 0;
  const FaceTables face_tables = tables(face);
  for (uint32_t g : glyphs) {
    if (!group || g != previous + 1) {
      HPDF_Array_AddNumber(widths, static_cast<HPDF_INT32>(g));
      group = HPDF_Array_New(mmgr);
      HPDF_Array_Add(widths, group);
    }
    HPDF_Array_AddReal(group, static_cast<HPDF_REAL>(face_tables.pdf_width(g)));
    previous = g;
  }
  HPDF_Dict_Add(cid, "W", widths);

  HPDF_Dict cmap = HPDF_DictStream_New(mmgr, doc_->xref);
  std::string deflated;
  if (!deflater_.deflate(to_unicode_cmap(e.unicode), deflated)) {
    error = "out of memory";
    return false;
  }
  set_deflated_stream(cmap, deflated);

  HPDF_Dict type0 = font_dict(face);
  HPDF_Dict_AddName(type0, "Type", "Font");
  HPDF_Dict_AddName(type0, "Subtype", "Type0");
  HPDF_Dict_AddName(type0, "BaseFont", base_font.c_str());
  HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
  HPDF_Array descendants = HPDF_Array_New(mmgr);
  HPDF_Array_Add(descendants, cid);
  HPDF_Dict_Add(type0, "DescendantFonts", descendants);
  HPDF_Dict_Add(type0, "ToUnicode", cmap);
  return true;
}

bool FontEmbedder::finish(std::string& error) {
  // The subsets are cut and deflated on two threads (by now the layout's and the writer's have
  // finished: the booklet's four faces were 6 % of its instructions, on one core at the end).
  struct Cut {
    Embedded* font;
    std::string error;
    bool damaged = false;
  };
  std::vector<Cut> cuts;
  for (auto& e : fonts_)
    if (e.type0) cuts.push_back({&e, {}, false});
  std::atomic<size_t> next{0};
  auto cut_some = [&](Deflater& deflater) {
    for (size_t i; (i = next++) < cuts.size();)
      cuts[i].font->file = subset(cuts[i].font->face, cuts[i].font->used_glyphs(), deflater, cuts[i].error, cuts[i].damaged);
  };
  std::thread helper;
  try {
    if (cuts.size() > 1) helper = std::thread([&] {
        Deflater deflater;
        cut_some(deflater);
      });
  } catch (const std::system_error&) {  // no thread to be had: this one cuts them all
  }
  cut_some(deflater_);
  if (helper.joinable()) helper.join();
  for (const Cut& c : cuts)
    if (!c.font->file) {
      if (c.damaged) damaged_ = c.font->face;
      error = c.error;
      return false;
    }
  for (const Cut& c : cuts)
    if (!write_font(*c.font, error)) return false;
  if (HPDF_GetError(doc_) != HPDF_OK) {
    error = fmt::format("libharu error {:#x} while writing the fonts", HPDF_GetError(doc_));
    return false;
  }
  return true;
}

}  // namespace lp
