#include "cli/build_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <future>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "cli/diagnostics_output.h"
#include "cli/resources.h"
#include "cli/timings.h"
#include "layout/flow.h"
#include "model/loaders.h"
#include "pdf/pdf_writer.h"
#include "pdf/subset_sharing.h"
#include "pdf/whole_file.h"
#include "style/style.h"
#include "text/font_set.h"
#include "text/paragraph.h"

namespace lp {

namespace fs = std::filesystem;

std::string BuildRequest::input_root() const {
  if (!root.empty()) return root;
  const fs::path folder = fs::path(report).parent_path();
  return folder.empty() ? "." : folder.string();
}

namespace {

// The latest time a PDF date can say: 9999-12-31T23:59:59Z.
constexpr long long kLastPdfSecond = 253402300799;

// SOURCE_DATE_EPOCH (reproducible-builds.org): whole seconds since 1970, at most kLastPdfSecond;
// `bad` is set when it is given but is not that.
std::optional<int64_t> source_date_epoch(bool& bad) {
  bad = false;
  const char* v = std::getenv("SOURCE_DATE_EPOCH");
  if (!v || !*v) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  long long n = std::strtoll(v, &end, 10);
  bad = *end != '\0' || errno == ERANGE || n < 0 || n > kLastPdfSecond || !std::isdigit(static_cast<unsigned char>(*v));
  if (bad) return std::nullopt;
  return n;
}

// An edition names a file in the layout folder; nothing else (no '/', no '..').
bool plain_name(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_';
  });
}

// "A does not exist", "neither A nor B exists", "none of A, B and C exists".
std::string not_found(const std::vector<std::string>& looked) {
  if (looked.size() == 1) return looked[0] + " does not exist";
  if (looked.size() == 2) return fmt::format("neither {} nor {} exists", looked[0], looked[1]);
  std::string all;
  for (size_t i = 0; i < looked.size(); ++i) all += (i == 0 ? "" : i + 1 == looked.size() ? " and " : ", ") + looked[i];
  return "none of " + all + " exists";
}

// Why `out` must not be written: it is not a regular file (writing would replace a device, a
// folder or a FIFO by a file) or it is one of the build's inputs; "" when it may be.
std::string output_problem(const std::string& out, const std::vector<std::string>& inputs) {
  if (const std::string kind = not_a_regular_file(out); !kind.empty())
    return fmt::format("{} is {}, not a file a PDF can replace", out, kind);
  for (const auto& input : inputs)
    if (same_file(out, input)) return fmt::format("{} is one of the build's inputs ({})", out, input);
  return "";
}

struct EditionJob {
  std::string name;
  Edition edition;
  Diagnostics diags;  // its own, merged in edition order so the output does not depend on threads
  size_t page_count = 0;
  std::string dump;  // --dump pages
  std::string out;
  bool input_ok = false;  // laid out without errors (warnings count as errors with --strict)
  bool written = false;   // into `pending`, checked
  WholeFile pending;      // the PDF under a scratch name, put in place when every edition is
  std::vector<StageTime> times;
  AheadCounts ahead;  // what the layout's second thread did
};

// Runs `work` on every job, `threads` at a time; the first exception is rethrown after all finish.
template <class Work>
void for_each_parallel(std::vector<EditionJob>& jobs, unsigned threads, Work work) {
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&] {
    for (size_t i; (i = next++) < jobs.size();) {
      try {
        work(jobs[i]);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  if (jobs.empty()) return;
  threads = std::clamp<unsigned>(threads, 1, static_cast<unsigned>(jobs.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace

int run_build(const BuildRequest& req) {
  Stopwatch total, watch;
  std::vector<StageTime> shared_times;
  std::vector<EditionJob> jobs;
  Diagnostics diags;
  std::string summary;  // printed after the diagnostics, in text mode
  auto finish = [&](int code) {
    print_diagnostics(diags, req, code);
    if (req.format != DiagnosticsFormat::Json) std::cerr << summary;
    if (req.timings) {
      std::vector<std::pair<std::string, std::vector<StageTime>>> per_edition;
      for (const auto& j : jobs) per_edition.emplace_back(j.name, j.times);
      std::cerr << format_timings(shared_times, per_edition, total.lap());
      for (const auto& j : jobs)
        if (j.ahead.count > 0)
          std::cerr << fmt::format("timings: {}: {} of {} {} done ahead on a second thread\n", j.name, j.ahead.taken,
                                   j.ahead.count, j.ahead.what);
    }
    if (code == kOk && req.exit_when_done) {
      // Every PDF is in place (no scratch file is left to remove): freeing what the build made,
      // a few per cent of its time, would only end the process later.
      std::cout.flush();
      std::cerr.flush();
      std::fflush(nullptr);
      std::_Exit(code);
    }
    return code;
  };

  bool bad_epoch = false;
  const std::optional<int64_t> epoch = source_date_epoch(bad_epoch);
  if (bad_epoch) {
    std::cerr << fmt::format("leafpress: SOURCE_DATE_EPOCH={} is not a time a PDF can give: whole seconds from 0 to {} "
                             "(the end of the year 9999)\n", std::getenv("SOURCE_DATE_EPOCH"), kLastPdfSecond);
    return kUsageError;
  }
  std::error_code ec;
  if (!req.root.empty() && !fs::is_directory(req.root, ec)) {
    std::cerr << fmt::format("leafpress: --root {} is not a folder\n", req.root);
    return kUsageError;
  }
  const Found fonts_found = find_fonts(req);
  const std::string& fonts_path = fonts_found.path;
  std::vector<std::string> inputs = {req.report};
  if (!fonts_path.empty()) inputs.push_back(fonts_path);
  for (const auto& name : req.editions)
    if (const Found layout = find_layout(req, name); !layout.path.empty()) inputs.push_back(layout.path);
  const bool writing = req.write && req.dump.empty();
  if (writing && !req.output.empty()) {
    if (const std::string problem = output_problem(req.output, inputs); !problem.empty()) {
      std::cerr << fmt::format("leafpress: -o {}\n", problem);
      return kUsageError;
    }
  }
  if (writing && req.output.empty() && fs::exists(req.out_dir, ec) && !fs::is_directory(req.out_dir, ec)) {
    std::cerr << fmt::format("leafpress: --out-dir {} is not a folder\n", req.out_dir);
    return kUsageError;
  }
  // The fonts and the layouts of the editions the build will most likely make need nothing
  // from the report: one thread reads them meanwhile, the fonts first, so that the report's
  // parse, which the editions wait for too, has a core to itself on a machine of two.
  Diagnostics font_diags;
  if (fonts_path.empty())
    font_diags.error(fonts_found.looked.front(), {},
                     fmt::format("no font configuration: {} (--fonts FILE names one)", not_found(fonts_found.looked)));
  auto load_fonts = [&]() -> std::unique_ptr<FontSet> {
    if (fonts_path.empty()) return nullptr;
    const FontConfig font_config = load_font_config(fonts_path, font_diags);
    if (font_diags.has_errors()) return nullptr;
    return FontSet::load(font_config, font_diags, writing ? FontSet::Checks::None : FontSet::Checks::Later);
  };
  // The layouts: --edition's, else the built-in ones, which a report that lists its editions
  // usually names; each read on its own, its diagnostics kept aside, and used below only if
  // the report does name it.
  struct Preloaded {
    std::string name;
    Found layout;
    Edition edition;
    Diagnostics diags;
  };
  auto preload_layouts = [&req] {
    std::vector<Preloaded> out;
    for (const auto& name : req.editions.empty() ? builtin_editions() : req.editions) {
      if (!plain_name(name)) continue;
      Preloaded p{name, find_layout(req, name), {}, {}};
      if (p.layout.path.empty()) continue;
      p.edition = load_edition(p.layout.path, p.diags, [&req](const std::string& base) { return layout_candidates(req, base); });
      out.push_back(std::move(p));
    }
    return out;
  };
  std::promise<std::vector<Preloaded>> layouts_read;
  std::future<std::vector<Preloaded>> preloaded = layouts_read.get_future();
  std::future<std::unique_ptr<FontSet>> font_set = std::async(std::launch::async, [&] {
    std::unique_ptr<FontSet> set;
    try {
      set = load_fonts();
    } catch (...) {
      layouts_read.set_value({});
      throw;
    }
    try {
      layouts_read.set_value(preload_layouts());
    } catch (...) {
      layouts_read.set_exception(std::current_exception());
    }
    return set;
  });

  Document doc = load_report(req.report, diags, req.input_root(), icon_dirs(req));
  if (diags.has_errors()) return finish(kInputError);

  const std::vector<std::string>& editions = !req.editions.empty()       ? req.editions
                                             : doc.info.editions_listed ? doc.info.editions
                                                                        : builtin_editions();
  // Point at the place that names an edition: the report's list, or the command line.
  auto named_at = [&](size_t i) {
    return req.editions.empty() && i < doc.info.edition_pos.size() ? doc.info.edition_pos[i] : SourcePos{};
  };
  const std::string named_in = req.editions.empty() ? req.report : "--edition";
  if (editions.empty()) diags.error(req.report, {}, "the report lists no editions ('editions' in 'report')");
  for (size_t i = 0; i < editions.size(); ++i) {
    // Two builds of one edition would write the same file at once.
    if (std::find(editions.begin(), editions.begin() + i, editions[i]) != editions.begin() + i)
      diags.error(named_in, named_at(i), fmt::format("edition '{}' is named twice", editions[i]));
  }
  if (diags.has_errors()) return finish(kInputError);
  if (!req.output.empty() && editions.size() != 1) {
    std::cerr << "leafpress: -o names one file, so it needs exactly one --edition\n";
    return kUsageError;
  }

  std::vector<Preloaded> ready = preloaded.get();
  for (size_t i = 0; i < editions.size(); ++i) {
    const std::string& name = editions[i];
    const SourcePos where = named_at(i);
    if (!plain_name(name)) {
      diags.error(named_in, where,
                  fmt::format("edition '{}' must be a plain name (letters, digits, '-' and '_')", name));
      continue;
    }
    Preloaded* pre = nullptr;
    for (auto& p : ready)
      if (p.name == name && !p.layout.path.empty()) pre = &p;
    const Found layout = pre ? pre->layout : find_layout(req, name);
    if (layout.path.empty()) {
      const std::string hint = closest_match(name, known_editions(req));
      diags.error(named_in, where,
                  fmt::format("edition '{}' has no layout{}: {} (--layout-dir DIR names a folder of layouts)", name,
                              hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint), not_found(layout.looked)));
      continue;
    }
    EditionJob job;
    job.name = name;
    if (pre) {
      job.edition = std::move(pre->edition);
      diags.append(pre->diags);
      pre->layout.path.clear();  // taken (an edition named twice is an error above)
    } else {
      job.edition = load_edition(layout.path, diags, [&](const std::string& base) { return layout_candidates(req, base); });
    }
    if (job.edition.hyphenate) {
      if (!has_hyphenation(doc.info.language) && req.format == DiagnosticsFormat::Text)
        std::cerr << fmt::format("leafpress: note: no hyphenation patterns for '{}' (Debian's hyphen-* packages); "
                                 "{} is set without hyphenation\n", doc.info.language, name);
    }
    jobs.push_back(std::move(job));
  }
  shared_times.push_back({"load", watch.lap(), peak_rss_mib()});
  std::unique_ptr<FontSet> fonts = font_set.get();
  diags.append(font_diags);
  shared_times.push_back({"fonts", watch.lap()});
  if (diags.has_errors()) return finish(kInputError);
  if (jobs.size() > 1) fonts->share_line_breaks();  // the editions break the same texts

  PdfOptions options;
  options.creation_time = epoch;
  for (auto& job : jobs) {
    if (!writing) break;
    job.out = req.output;
    if (job.out.empty()) {
      fs::create_directories(req.out_dir, ec);
      job.out = (fs::path(req.out_dir) / (job.name + ".pdf")).string();
    }
    inputs.push_back(job.edition.path);
  }
  for (const auto& job : jobs) {
    if (const std::string problem = output_problem(job.out, inputs); writing && !problem.empty()) {
      std::cerr << fmt::format("leafpress: {}\n", problem);
      return kUsageError;
    }
  }

  // Every edition at once by default, up to two a core, each on a thread of its own: editions
  // differ in size, and so they share the cores to the end instead of leaving one idle while
  // the last runs (docs/architecture.md, "Memory and threads"). A core no edition has does part
  // of each layout on a second thread (layout/work_ahead.h) and gives the PDF writer two threads
  // of its own; else an edition's pages are made and deflated on its thread
  // (PdfOptions::own_threads), which costs less than handing them to threads waiting for a core.
  // FontSet is read-only once loaded (its shaping cache locks) and HarfBuzz fonts may shape from
  // several threads; each layout makes its own paragraph setter. The PDF goes to a scratch name,
  // renamed below only when no edition has an error, so that a build writes all its PDFs or none.
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned threads = req.jobs ? req.jobs : std::min<unsigned>(static_cast<unsigned>(jobs.size()), 2 * cores);
  const SubsetSharing subsets;  // editions that embed the same glyphs of a face share one subset
  Diagnostics font_checks;      // a face that failed its trial subset (FontSet::checks_passed)
  const bool spare_core = threads < cores;
  for_each_parallel(jobs, threads, [&](EditionJob& job) {
    Stopwatch sw;
    StyleSheet styles = resolve_styles(job.edition);
    job.times.push_back({"style", sw.lap()});
    if (!fonts->has_role(styles.body.font_role)) {
      job.diags.error(job.edition.path, {}, fmt::format("font role '{}' is not in {}", styles.body.font_role, fonts_path));
      return;
    }
    for (const auto& [name, spec] : job.edition.styles)
      if (!spec.font.empty() && !fonts->has_role(spec.font))
        job.diags.error(job.edition.path, spec.font_pos,
                        fmt::format("style '{}' names font role '{}', which is not in {}", name, spec.font, fonts_path));
    if (job.diags.has_errors()) return;
    // Pages go to the PDF as they are laid out (PdfOptions::own_threads: on whose thread), or are
    // kept for --dump, or (check) let go.
    DisplayList kept;
    std::optional<PdfWriter> pdf;
    if (writing) {
      PdfOptions edition_options = options;
      edition_options.pdf_x4 = job.edition.has_standard("x-4");
      edition_options.pdf_ua1 = job.edition.has_standard("ua-1");
      edition_options.crop_marks = job.edition.crop_marks || req.marks;
      edition_options.own_threads = spare_core;
      pdf.emplace(job.out, edition_options);
      job.page_count = lay_out(doc, styles, *fonts, job.diags, *pdf, LayoutOptions{spare_core, &job.ahead});
    } else if (!req.dump.empty()) {
      kept = lay_out(doc, styles, *fonts, job.diags);
      job.page_count = kept.pages.size();
    } else {
      DiscardPages checked;
      job.page_count = lay_out(doc, styles, *fonts, job.diags, checked);
    }
    job.times.push_back({"layout", sw.lap(), peak_rss_mib()});
    if (req.strict) job.diags.promote_warnings();
    if (job.diags.has_errors()) return;
    // Without PDFs, the fonts' trial subsets ran beside the layout; a face that fails them is an
    // error. A build's PDF stage finds such a face by cutting it (FontEmbedder::subset).
    if (!fonts->checks_passed(font_checks)) return;
    job.input_ok = true;
    if (req.dump == "pages") job.dump = dump_display_list(kept);
    if (!pdf) return;
    Diagnostics pdf_diags;
    job.written = pdf->finish(pdf_diags, &job.pending);
    job.input_ok = !pdf->failed_on_input();
    job.diags.append(pdf_diags);
    job.times.push_back({"pdf", sw.lap()});
  });
  bool input_ok = fonts->checks_passed(font_checks), all_written = true;
  diags.append(font_checks);
  std::vector<std::pair<std::string, const Diagnostics*>> edition_diags;
  for (const auto& job : jobs) edition_diags.emplace_back(job.name, &job.diags);
  diags.append(merge_editions(edition_diags));
  for (const auto& job : jobs) {
    input_ok = input_ok && job.input_ok;
    all_written = all_written && job.written;
  }
  if (!input_ok || (writing && !all_written)) return finish(input_ok ? kIoError : kInputError);  // scratch files go with the jobs
  if (!req.dump.empty()) {
    for (const auto& job : jobs) std::cout << job.dump;
    return finish(kOk);
  }
  if (!writing) {
    summary = fmt::format("leafpress: {}: {} edition{} checked, {} warning{}\n", req.report, jobs.size(),
                          jobs.size() == 1 ? "" : "s", diags.warning_count(), diags.warning_count() == 1 ? "" : "s");
    return finish(kOk);
  }
  // Every file renamed into place, then each folder they went to synced once (the editions
  // usually share one).
  std::vector<const EditionJob*> renamed;
  for (auto& job : jobs) {
    std::string why;
    if (job.pending.rename_into_place(why)) renamed.push_back(&job);
    else diags.error(job.out, {}, why);
  }
  std::map<fs::path, std::string> folders;  // each folder, and why its sync failed ("" if it did not)
  for (const EditionJob* job : renamed) {
    const fs::path folder = fs::path(job->out).parent_path();
    if (!folders.count(folder)) folders[folder] = sync_folder_of(job->out);
    if (const std::string& why = folders[folder]; !why.empty()) {
      diags.error(job->out, {}, why);
      continue;
    }
    summary += fmt::format("leafpress: wrote {} ({} page{})\n", job->out, job->page_count, job->page_count == 1 ? "" : "s");
  }
  return finish(diags.has_errors() ? kIoError : kOk);
}

}  // namespace lp
