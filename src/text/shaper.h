#pragma once
// Internal to src/text: a paragraph itemised (bidi level, script, font) and shaped, cut at its
// line break opportunities into segments the line breaker chooses among.
//
// Words are shaped on their own and kept in a cache keyed by their text, styles and levels, so
// a word met again costs one lookup. A word's hyphenation points come with it, each with the
// width before it; where HarfBuzz marks the glyph after a point unsafe to break, the part
// before is reshaped to measure it, and a line that ends there is reshaped.
#include <hb.h>

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/bidi.h"
#include "text/hyphenator.h"
#include "text/line_breaks.h"
#include "text/paragraph.h"

namespace lp {

struct ShapedItem {
  uint32_t begin = 0, end = 0;  // bytes, from the start of the word
  uint8_t level = 0;            // bidi embedding level: odd is right-to-left
  hb_script_t script = HB_SCRIPT_LATIN;
  GlyphRun run;
  Pt width;  // run.width(), kept: a line asks for it every time the word is set
  std::vector<uint32_t> cluster_begin;  // per cluster of `run`: bytes from the start of the word
  std::vector<uint8_t> unsafe_before;   // per cluster: breaking before it would change the shaping
};

struct HyphenPoint {
  uint32_t offset = 0;  // bytes from the start of the word
  Pt before;            // width of the word's glyphs before the point
  Pt before_alone;      // width of the text before the point shaped on its own
  Pt hyphen;            // width of the hyphen shown when the line breaks here
};

struct ShapedWord {
  std::vector<ShapedItem> items;  // in logical order
  Pt width;
  std::vector<HyphenPoint> hyphens;
  char32_t missing = 0;  // a character no face has (warned about at each use)
  Pt hyphen;             // width of a hyphen after the word (for a soft hyphen at its end)
};

// The text between two break opportunities: a word and the spaces after it.
struct Segment {
  size_t begin = 0, word_end = 0, end = 0;  // bytes of the paragraph text
  const ShapedWord* word = nullptr;         // owned by the shaper's cache
  const ShapedWord* space = nullptr;        // nullptr when no space follows
  size_t span = 0;                          // the span of the word's first character
  bool hard_break = false;                  // a mandatory break follows
  bool shows_hyphen = false;                // ends in a hyphen or soft hyphen: breaking here is a hyphen break
  bool soft_hyphen = false;                 // ends in U+00AD: a break here must draw a hyphen
};

struct ShapedParagraph {
  std::string text;
  uint8_t base_level = 0;
  std::vector<Segment> segments;
};

class Shaper {
 public:
  Shaper(const FontSet& fonts, Diagnostics& diags, std::string file, std::string language);
  ~Shaper();
  // `out` is reused: its storage survives from one paragraph to the next.
  void shape(const std::vector<TextSpan>& spans, ShapedParagraph& out);
  // Bytes [begin, end) of `item`, shaped on their own; `word` is the word's text.
  GlyphRun reshape(std::string_view word, const ShapedItem& item, uint32_t begin, uint32_t end);
  // A hyphen in the face, size, colour and link of `like`, copying out as "-".
  const GlyphRun& hyphen(const GlyphRun& like);

 private:
  struct Char {
    size_t byte = 0;
    char32_t code = 0;
    uint32_t span = 0;
    uint8_t level = 0;
    hb_script_t script = HB_SCRIPT_COMMON;
    const FontFace* face = nullptr;
    bool in_face = false;  // `face` has the character (else no face of its chain has it)
  };
  // The shaped words by key: open addressing over the keys' hashes, the keys in one string and
  // the words in a deque (their addresses stay). Each segment of every paragraph is looked up
  // here, and std::unordered_map's nodes, scattered with their keys, cost a cache miss or two a
  // lookup more.
  class WordCache {
   public:
    // The word for `key`, and whether it is new (to be shaped).
    std::pair<ShapedWord*, bool> find_or_add(std::string_view key);
    size_t size() const { return words_.size(); }
    void clear();

   private:
    struct Slot {
      uint64_t hash = 0;
      uint32_t key_at = 0, key_size = 0;
      ShapedWord* word = nullptr;  // none: the slot is free
    };
    void grow();
    std::vector<Slot> slots_;  // a power of two of them, at most half in use
    std::string keys_;
    std::deque<ShapedWord> words_;
  };

  const ShapedWord* shaped(const std::vector<TextSpan>& spans, const std::string& text, size_t first, size_t last,
                           bool may_hyphenate);
  // shaped() for the space after a word (chars [first, last)).
  const ShapedWord* space_after(const std::vector<TextSpan>& spans, const std::string& text, size_t first, size_t last);
  void shape_word(const std::vector<TextSpan>& spans, const std::string& text, size_t first, size_t last,
                  bool may_hyphenate, ShapedWord& out);
  void choose_faces(size_t first, size_t last);
  // face.has_char(c), remembered for the characters below kKnownChars (a HarfBuzz cmap lookup
  // for every character of every new word was a few per cent of the build).
  bool has_char(const FontFace& face, char32_t c);
  static constexpr char32_t kKnownChars = 0x800;
  void shape_item(std::string_view word, uint32_t begin, uint32_t end, const Char& first, const TextSpan& span,
                  ShapedItem& item);
  void add_hyphen_points(std::string_view word, const TextStyle& style, ShapedWord& out);
  const std::vector<const FontFace*>& chain(const TextSpan& span);

  const FontSet& fonts_;
  Diagnostics& diags_;
  std::string file_;
  hb_language_t language_;
  icu::Locale locale_;
  LineBreakFinder breaks_;
  BidiResolver bidi_;
  Hyphenator hyphenator_;
  hb_buffer_t* buffer_;
  WordCache words_;
  const GlyphRun& hyphen_for(const GlyphRun& like);
  std::unordered_map<std::string, GlyphRun> hyphens_;
  const GlyphRun* last_hyphen_ = nullptr;  // in hyphens_, whose nodes stay put
  std::unordered_map<std::string, uint32_t> span_ids_;  // a number for each distinct span style
  std::vector<uint32_t> span_keys_;
  std::vector<const std::vector<const FontFace*>*> span_chains_;  // each span's font chain
  std::vector<std::vector<uint8_t>> known_chars_;  // by face index and character: 0 not known, 1 no, 2 yes
  std::string span_key_;
  // The one space between words, by span style: most segments end in one, and the word cache's
  // lookup (a long key, a cold bucket) costs more than shaping saves it.
  std::vector<const ShapedWord*> single_spaces_;
  std::unordered_map<std::string, std::vector<const FontFace*>> chains_;
  // Reused between paragraphs.
  std::vector<Char> chars_;
  std::vector<BreakOpportunity> opportunities_;
  std::vector<uint8_t> levels_;
  std::string key_;
};

}  // namespace lp
