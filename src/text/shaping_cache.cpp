#include "text/shaping_cache.h"

namespace lp {

namespace {

// Past this many texts in a shard (200,000 in all, as many words as each edition's own word
// cache keeps), new texts are shaped each time: the memory a huge report can take is bounded.
constexpr size_t kMaxPerShard = 12500;

template <typename T>
void append_bytes(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// The buffer's properties, which its shaping plan must have too.
hb_segment_properties_t segment_properties(const ShapeRequest& r) {
  hb_segment_properties_t props = HB_SEGMENT_PROPERTIES_DEFAULT;
  props.direction = r.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR;
  props.script = r.script;
  props.language = r.language;
  return props;
}

void run_harfbuzz(const ShapeRequest& r, hb_shape_plan_t* plan, hb_buffer_t* buf, std::vector<ShapedGlyph>& out) {
  hb_buffer_clear_contents(buf);
  hb_buffer_add_utf8(buf, r.context.data(), static_cast<int>(r.context.size()), r.begin, static_cast<int>(r.end - r.begin));
  const hb_segment_properties_t props = segment_properties(r);
  hb_buffer_set_segment_properties(buf, &props);
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
  hb_buffer_set_flags(buf, HB_BUFFER_FLAG_DEFAULT);
  hb_shape_plan_execute(plan, r.font, buf, nullptr, 0);  // what hb_shape does with the plan it finds
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
  out.clear();
  out.reserve(count);
  for (unsigned i = 0; i < count; ++i)
    out.push_back({info[i].codepoint, info[i].cluster, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset,
                   (hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0});
}

}  // namespace

ShapingCache::~ShapingCache() {
  for (const Plan& p : plans_) hb_shape_plan_destroy(p.plan);
}

hb_shape_plan_t* ShapingCache::plan_for(const ShapeRequest& r) {
  std::lock_guard lock(plans_mutex_);
  for (const Plan& p : plans_)
    if (p.font == r.font && p.script == r.script && p.language == r.language && p.rtl == r.rtl) return p.plan;
  const hb_segment_properties_t props = segment_properties(r);
  unsigned coords = 0;
  const int* coord = hb_font_get_var_coords_normalized(r.font, &coords);
  hb_shape_plan_t* plan =
      hb_shape_plan_create_cached2(hb_font_get_face(r.font), &props, nullptr, 0, coord, coords, nullptr);
  plans_.push_back({r.font, r.script, r.language, r.rtl, plan});
  return plan;
}

const std::vector<ShapedGlyph>& ShapingCache::shape(const ShapeRequest& r, hb_buffer_t* buffer) {
  thread_local std::string key;
  key.clear();
  append_bytes(key, r.face_index);
  append_bytes(key, r.language);  // HarfBuzz's languages are interned: one pointer per tag
  append_bytes(key, r.script);
  append_bytes(key, r.begin);
  append_bytes(key, r.end);
  key += r.rtl ? 'r' : 'l';
  key += r.context;
  const size_t h = TextHash{}(key);
  Shard& shard = shards_[h % kShards];
  {
    std::lock_guard lock(shard.mutex);
    auto it = shard.glyphs.find(std::string_view(key));
    if (it != shard.glyphs.end()) {
      ++shard.hits;
      return it->second;
    }
    ++shard.misses;
  }
  // Shaped outside the lock; a thread that shaped the same text meanwhile keeps its own.
  thread_local std::vector<ShapedGlyph> shaped;
  run_harfbuzz(r, plan_for(r), buffer, shaped);
  std::lock_guard lock(shard.mutex);
  if (shard.glyphs.size() >= kMaxPerShard) {
    thread_local std::vector<ShapedGlyph> uncached;
    uncached = shaped;
    return uncached;
  }
  return shard.glyphs.try_emplace(key, shaped).first->second;
}

size_t ShapingCache::hits() const {
  size_t n = 0;
  for (const Shard& s : shards_) n += s.hits;
  return n;
}

size_t ShapingCache::misses() const {
  size_t n = 0;
  for (const Shard& s : shards_) n += s.misses;
  return n;
}

}  // namespace lp
