// The CLI's pieces that are not seen whole from outside: JSON escaping, timings, the input root.
#include <gtest/gtest.h>

#include "cli/diagnostics_output.h"
#include "cli/request.h"
#include "cli/timings.h"

namespace lp {
namespace {

TEST(Cli, JsonStringsEscapeQuotesBackslashesAndControls) {
  EXPECT_EQ(json_string("plain"), "\"plain\"");
  EXPECT_EQ(json_string("say \"hi\" \\ there"), "\"say \\\"hi\\\" \\\\ there\"");
  EXPECT_EQ(json_string("a\nb\tc\rd"), "\"a\\nb\\tc\\rd\"");
  EXPECT_EQ(json_string(std::string("nul\0bell\x07", 9)), "\"nul\\u0000bell\\u0007\"");
  EXPECT_EQ(json_string("café مرحبا"), "\"café مرحبا\"");  // UTF-8 passes through
}

TEST(Cli, DiagnosticsAsJson) {
  Diagnostics d;
  d.error("r.yaml", {12, 7}, "unknown block 'qoute' (did you mean 'quote'?)");
  d.warning("r.yaml", {}, "a \"quoted\" warning");
  EXPECT_EQ(diagnostics_json(d, 1),
            "{\"diagnostics\":["
            "{\"file\":\"r.yaml\",\"line\":12,\"column\":7,\"severity\":\"error\","
            "\"message\":\"unknown block 'qoute' (did you mean 'quote'?)\"},"
            "{\"file\":\"r.yaml\",\"line\":0,\"column\":0,\"severity\":\"warning\","
            "\"message\":\"a \\\"quoted\\\" warning\"}],"
            "\"errors\":1,\"warnings\":1,\"exit\":1}");
  EXPECT_EQ(diagnostics_json(Diagnostics(), 0), "{\"diagnostics\":[],\"errors\":0,\"warnings\":0,\"exit\":0}");
}

TEST(Cli, DiagnosticsAsGithubAnnotations) {
  Diagnostics d;
  d.error("reports/r.yaml", {12, 7}, "unknown block 'qoute' (did you mean 'quote'?)");
  d.warning("r.yaml", {3, 0}, "100% over: a, b\nnext line");
  d.warning("odd:name,1.yaml", {}, "no position");
  EXPECT_EQ(diagnostics_github(d),
            "::error file=reports/r.yaml,line=12,col=7::unknown block 'qoute' (did you mean 'quote'?)\n"
            "::warning file=r.yaml,line=3::100%25 over: a, b%0Anext line\n"
            "::warning file=odd%3Aname%2C1.yaml::no position\n");
  EXPECT_EQ(diagnostics_github(Diagnostics()), "");
}

TEST(Cli, StrictPromotesEveryWarning) {
  Diagnostics d;
  d.warning("r.yaml", {3, 4}, "overfull line: 2.0 pt wider than the measure");
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(d.warning_count(), 1u);
  d.promote_warnings();
  EXPECT_TRUE(d.has_errors());
  EXPECT_EQ(d.warning_count(), 0u);
  EXPECT_EQ(format_diagnostic(d.all()[0]), "r.yaml:3:4: error: overfull line: 2.0 pt wider than the measure");
}

TEST(Cli, TimingsListEveryStage) {
  const std::string out = format_timings({{"load", 0.0021, 9.5}, {"fonts", 0.004}},
                                         {{"booklet", {{"style", 0.0}, {"layout", 0.0125}, {"pdf", 0.003}}}}, 0.02);
  EXPECT_NE(out.find("timings: load 2.1 ms (peak RSS 9.5 MiB), fonts 4.0 ms\n"), std::string::npos) << out;
  EXPECT_NE(out.find("timings: booklet: style 0.0 ms, layout 12.5 ms, pdf 3.0 ms\n"), std::string::npos) << out;
  EXPECT_NE(out.find("timings: total 20.0 ms wall"), std::string::npos) << out;
}

TEST(Cli, TheInputRootIsTheReportsFolderUnlessGiven) {
  BuildRequest r;
  r.report = "reports/2025/report.yaml";
  EXPECT_EQ(r.input_root(), "reports/2025");
  r.report = "report.yaml";
  EXPECT_EQ(r.input_root(), ".");
  r.root = "/srv/reports";
  EXPECT_EQ(r.input_root(), "/srv/reports");
}

}  // namespace
}  // namespace lp
