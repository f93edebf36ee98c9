#pragma once
// Internal to src/text: HarfBuzz's answers for the whole build, shared by the editions laid out
// in parallel. A face's hb_font_t is at its units per em, so what HarfBuzz returns does not
// depend on the size: it is kept in font units and each use scales it. Keyed by the face, the
// direction, script and language, and the text with its context (the word around the item).
#include <hb.h>

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/text_hash.h"

namespace lp {

struct ShapedGlyph {
  uint32_t glyph = 0;
  uint32_t cluster = 0;  // byte in the text given to HarfBuzz
  int32_t x_advance = 0, x_offset = 0, y_offset = 0;  // font units
  bool unsafe_to_break = false;
};

struct ShapeRequest {
  hb_font_t* font = nullptr;
  unsigned face_index = 0;
  hb_language_t language = nullptr;
  hb_script_t script = HB_SCRIPT_LATIN;
  bool rtl = false;
  std::string_view context;  // the word
  uint32_t begin = 0, end = 0;  // the item: bytes of `context`
};

class ShapingCache {
 public:
  ShapingCache() = default;
  ~ShapingCache();
  ShapingCache(const ShapingCache&) = delete;
  ShapingCache& operator=(const ShapingCache&) = delete;

  // HarfBuzz's glyphs for `request`, shaped with `buffer` (the caller's own) the first time any
  // thread asks; the result stays valid as long as the cache (once the cache is full, a new
  // text's glyphs stay valid until this thread's next call).
  const std::vector<ShapedGlyph>& shape(const ShapeRequest& request, hb_buffer_t* buffer);

  // How often a result was found, and shaped; read when no thread shapes.
  size_t hits() const;
  size_t misses() const;

 private:
  static constexpr size_t kShards = 16;
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, std::vector<ShapedGlyph>, TextHash, std::equal_to<>> glyphs;
    size_t hits = 0, misses = 0;
  };
  std::array<Shard, kShards> shards_;

  // HarfBuzz's shaping plan for a font, direction, script and language, made once: hb_shape
  // would look it up in the face's cache on every call, with user features and variations.
  hb_shape_plan_t* plan_for(const ShapeRequest& request);
  struct Plan {
    hb_font_t* font;
    hb_script_t script;
    hb_language_t language;
    bool rtl;
    hb_shape_plan_t* plan;
  };
  std::mutex plans_mutex_;
  std::vector<Plan> plans_;
};

}  // namespace lp
