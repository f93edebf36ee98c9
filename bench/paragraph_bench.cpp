// GCC mistakes the replaced operator new for a mismatch with free().
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
// The paragraph engine on the report's prose: shaping (through the word cache), hyphenation,
// Knuth–Plass and assembling the lines, as flow.cpp asks for them. Reports lines a second and
// heap allocations a line (counted by replacing operator new in this program).
//
// Inputs: every paragraph and list item of report.yaml, set in the booklet (A5, justified,
// hyphenated) and the screen edition (A4, ragged, not hyphenated); the corpus is that prose
// repeated to fill 500 pages. The word cache is warm after the first round of the corpus,
// as it is in a long document that reuses its words; BM_ReportColdCache starts it empty.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "model/loaders.h"
#include "style/style.h"
#include "text/font_set.h"
#include "text/paragraph.h"

namespace {
std::atomic<size_t> g_allocations{0};
}

void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace lp {
namespace {

std::string source(const std::string& rel) { return std::string(LP_SOURCE_DIR) + "/" + rel; }

struct Edition {
  StyleSheet styles;
  Pt measure;
};

struct Inputs {
  Diagnostics diags;
  std::unique_ptr<FontSet> fonts;
  Document doc;
  Edition a5, a4;

  Inputs() {
    fonts = FontSet::load(load_font_config(source("fonts/fonts.yaml"), diags), diags);
    doc = load_report(source("report.yaml"), diags);
    auto edition = [&](const char* name) {
      Edition e;
      e.styles = resolve_styles(load_edition(source(std::string("layout/") + name + ".yaml"), diags));
      const PageGeometry& g = e.styles.page;
      e.measure = g.width - g.margin_inside - g.margin_outside;
      return e;
    };
    a5 = edition("booklet");
    a4 = edition("screen");
    if (diags.has_errors()) std::abort();
  }

  // The prose as spans in `ed`'s styles, as flow.cpp builds them.
  std::vector<std::pair<std::vector<TextSpan>, const TextStyle*>> prose(const StyleSheet& st) const {
    std::vector<std::pair<std::vector<TextSpan>, const TextStyle*>> out;
    auto add = [&](const InlineText& text, const TextStyle& style) { out.emplace_back(spans_of(text, style), &style); };
    for (const auto& item : doc.content)
      if (const auto* section = std::get_if<Section>(&item))
        for (const auto& block : section->blocks) {
          if (const auto* p = std::get_if<Paragraph>(&block)) add(p->text, st.body);
          if (const auto* l = std::get_if<ListBlock>(&block))
            for (const auto& it : l->items) add(it.text, st.list_item);
        }
    return out;
  }
};

const Inputs& inputs() {
  static Inputs in;
  return in;
}

const Edition& edition_of(const benchmark::State& state) { return state.range(0) == 5 ? inputs().a5 : inputs().a4; }

// Sets the prose `rounds` times (or until `pages` pages of lines) with one setter; counts lines.
void run(benchmark::State& state, int pages, bool cold) {
  const Inputs& in = inputs();
  const Edition& ed = edition_of(state);
  const auto prose = in.prose(ed.styles);
  const size_t lines_per_page =
      static_cast<size_t>((ed.styles.page.height - ed.styles.page.margin_top - ed.styles.page.margin_bottom) /
                          ed.styles.body.leading);
  const size_t target_lines = pages > 0 ? static_cast<size_t>(pages) * lines_per_page : 0;
  Diagnostics diags;
  auto setter = std::make_unique<ParagraphSetter>(*in.fonts, diags, "report.yaml", "en-GB");
  size_t lines = 0, allocations = 0, paragraphs = 0;
  for (auto _ : state) {
    if (cold) {
      state.PauseTiming();
      setter = std::make_unique<ParagraphSetter>(*in.fonts, diags, "report.yaml", "en-GB");
      state.ResumeTiming();
    }
    size_t set_lines = 0;
    const size_t before = g_allocations.load(std::memory_order_relaxed);
    do {
      for (const auto& [spans, style] : prose) {
        auto result = setter->set(spans, ed.measure, style->align);
        set_lines += result.size();
        ++paragraphs;
        benchmark::DoNotOptimize(result);
      }
    } while (set_lines < target_lines);
    allocations += g_allocations.load(std::memory_order_relaxed) - before;
    lines += set_lines;
  }
  state.counters["lines"] = benchmark::Counter(static_cast<double>(lines), benchmark::Counter::kAvgIterations);
  state.counters["lines_per_second"] = benchmark::Counter(static_cast<double>(lines), benchmark::Counter::kIsRate);
  state.counters["allocs_per_line"] = static_cast<double>(allocations) / static_cast<double>(std::max<size_t>(lines, 1));
  state.counters["paragraphs"] = benchmark::Counter(static_cast<double>(paragraphs), benchmark::Counter::kAvgIterations);
}

void BM_Report(benchmark::State& state) { run(state, 0, false); }
void BM_ReportColdCache(benchmark::State& state) { run(state, 0, true); }
void BM_Corpus500Pages(benchmark::State& state) { run(state, 500, false); }

// Argument: 5 for the booklet's A5 measure, 4 for the screen edition's A4 measure.
BENCHMARK(BM_Report)->Arg(5)->Arg(4)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReportColdCache)->Arg(5)->Arg(4)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Corpus500Pages)->Arg(5)->Arg(4)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lp

BENCHMARK_MAIN();
