// Paragraphs made to be slow: 100,000 break chances in one paragraph. Setting one must stay
// near-linear (issue 12: 100,000 soft hyphens once took 228 s). Run by hand, in Release:
//   ./build-release/bench/bounded_bench
// Arguments: 0, soft hyphens between syllables ("ab\u00AD" x 100,000); 1, a run of 100,000
// soft hyphens in one word; 2, 100,000 one-letter words; 3, 100,000 syllables of justified,
// hyphenated words.
#include <benchmark/benchmark.h>

#include "model/loaders.h"
#include "style/style.h"
#include "text/font_set.h"
#include "text/paragraph.h"

namespace lp {
namespace {

constexpr int kCount = 100'000;

std::string source(const std::string& rel) { return std::string(LP_SOURCE_DIR) + "/" + rel; }

std::string paragraph(int kind) {
  const std::string shy = "\xC2\xAD";
  std::string text;
  for (int i = 0; i < kCount; ++i) {
    switch (kind) {
      case 0: text += "ab" + shy; break;
      case 1: text += i == 0 ? "a" + shy : shy; break;
      case 2: text += "a "; break;
      default: text += i % 3 == 2 ? "tion " : "sta"; break;
    }
  }
  return text;
}

void BM_BreakChances(benchmark::State& state) {
  Diagnostics diags;
  auto fonts = FontSet::load(load_font_config(source("fonts/fonts.yaml"), diags), diags);
  const StyleSheet styles = resolve_styles(load_edition(source("layout/booklet.yaml"), diags));
  if (diags.has_errors()) std::abort();
  const int kind = static_cast<int>(state.range(0));
  const std::vector<TextSpan> spans = {TextSpan{paragraph(kind), &styles.body, false, false, "", {1, 1}, {}}};
  const Pt measure = styles.page.width - styles.page.margin_inside - styles.page.margin_outside;
  size_t lines = 0;
  for (auto _ : state) {
    ParagraphSetter setter(*fonts, diags, "bench.yaml", "en-GB");  // a cold word cache each time
    auto result = setter.set(spans, measure, kind == 3 ? Align::Justify : Align::Left);
    lines = result.size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["lines"] = static_cast<double>(lines);
}

BENCHMARK(BM_BreakChances)->DenseRange(0, 3)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace lp

BENCHMARK_MAIN();
