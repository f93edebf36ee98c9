// Every case of Unicode's LineBreakTest.txt (UAX #14) through the break function the paragraph
// engine uses. The pass count is printed; every case must pass but the tailorings listed here.
//
// Tailorings (ICU 72's own line rules, which we keep on purpose because they are right for prose):
//  - minus sign: a hyphen-minus at the start of the text or after a space is not a break
//    opportunity before what follows ("-5", "-x"): it is a minus sign, not a hyphen. Unicode
//    adopted the same rule as LB20a in Unicode 15.1.
//  - number without leading digits: an infix separator (UAX #14 class IS: "." ",") before a
//    digit is no break opportunity even without a digit before it (".5", "a.2"), so a decimal
//    written without its zero, or a section number, never splits at its point; and a space
//    before such a number is a break opportunity ("equals .35"), as before any other number
//    (Unicode 15.1 made both rules its LB15c and LB25).
// Every case that fails must fail only at such a position, and only by a missing break.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "text/line_breaks.h"

namespace lp {
namespace {

constexpr const char* kTestFile = "/usr/share/unicode/auxiliary/LineBreakTest.txt";

struct Case {
  int line = 0;
  std::string text;                 // UTF-8
  std::vector<size_t> breaks;       // byte offsets where the file marks ÷ (the start excluded)
};

std::vector<Case> read_cases() {
  std::vector<Case> cases;
  std::ifstream in(kTestFile);
  std::string row;
  int line_no = 0;
  while (std::getline(in, row)) {
    ++line_no;
    row = row.substr(0, row.find('#'));
    if (row.find_first_not_of(" \t") == std::string::npos) continue;
    Case c;
    c.line = line_no;
    std::istringstream fields(row);
    std::string tok;
    bool first = true;
    while (fields >> tok) {
      if (tok == "\xC3\xB7") {  // ÷
        if (!first) c.breaks.push_back(c.text.size());
      } else if (tok != "\xC3\x97") {  // × is no break; anything else is a code point
        icu::UnicodeString(static_cast<UChar32>(std::stoul(tok, nullptr, 16))).toUTF8String(c.text);
      }
      first = false;
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

std::vector<std::pair<size_t, UChar32>> code_points(const std::string& s) {
  std::vector<std::pair<size_t, UChar32>> out;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    out.emplace_back(static_cast<size_t>(start), c);
  }
  return out;
}

int line_break_class(UChar32 c) { return u_getIntPropertyValue(c, UCHAR_LINE_BREAK); }

// Which documented tailoring explains a break the file has at `offset` that we do not make
// (`extra` false), or one we make that the file does not have (`extra` true).
const char* tailoring_at(const std::string& text, size_t offset, bool extra) {
  const auto cps = code_points(text);
  size_t next = 0;
  while (next < cps.size() && cps[next].first < offset) ++next;
  if (next == 0 || next >= cps.size()) return nullptr;
  size_t prev = next - 1;  // the character before the break, combining marks skipped (LB9)
  while (prev > 0 && (line_break_class(cps[prev].second) == U_LB_COMBINING_MARK ||
                      line_break_class(cps[prev].second) == U_LB_ZWJ))
    --prev;
  const UChar32 before = cps[prev].second, after = cps[next].second;
  if (extra) {
    const bool number_follows = next + 1 < cps.size() && line_break_class(cps[next + 1].second) == U_LB_NUMERIC;
    if (line_break_class(before) == U_LB_SPACE && line_break_class(after) == U_LB_INFIX_NUMERIC && number_follows)
      return "number without leading digits";
    return nullptr;
  }
  if (before == 0x2D && (prev == 0 || line_break_class(cps[prev - 1].second) == U_LB_SPACE)) return "minus sign";
  if (line_break_class(before) == U_LB_INFIX_NUMERIC && line_break_class(after) == U_LB_NUMERIC)
    return "number without leading digits";
  return nullptr;
}

TEST(LineBreakConformance, LineBreakTestTxt) {
  const auto cases = read_cases();
  ASSERT_GT(cases.size(), 7000u) << "cannot read " << kTestFile << " (Debian package unicode-data)";
  LineBreakFinder finder(icu::Locale::getRoot());
  std::vector<BreakOpportunity> found;
  size_t passed = 0;
  std::map<std::string, size_t> tailored;
  std::vector<int> unexplained;
  for (const auto& c : cases) {
    finder.find(c.text, found);
    std::vector<size_t> offsets;
    for (const auto& b : found) offsets.push_back(b.offset);
    if (offsets == c.breaks) {
      ++passed;
      continue;
    }
    // Explained only if every difference is a break the file makes and a tailoring removes.
    std::vector<size_t> missing, extra;
    std::set_difference(c.breaks.begin(), c.breaks.end(), offsets.begin(), offsets.end(), std::back_inserter(missing));
    std::set_difference(offsets.begin(), offsets.end(), c.breaks.begin(), c.breaks.end(), std::back_inserter(extra));
    const char* why = nullptr;
    bool explained = true;
    for (size_t m : missing)
      if (const char* w = tailoring_at(c.text, m, false)) why = w;
      else explained = false;
    for (size_t m : extra)
      if (const char* w = tailoring_at(c.text, m, true)) why = w;
      else explained = false;
    if (explained && why) ++tailored[why];
    else unexplained.push_back(c.line);
  }
  std::cout << "LineBreakTest.txt: " << passed << " of " << cases.size() << " cases pass";
  for (const auto& [why, n] : tailored) std::cout << "; " << n << " differ by the tailoring '" << why << "'";
  std::cout << "; " << unexplained.size() << " unexplained\n";
  for (size_t i = 0; i < unexplained.size() && i < 20; ++i)
    ADD_FAILURE() << kTestFile << ":" << unexplained[i] << ": breaks differ and no tailoring explains it";
  EXPECT_EQ(passed + unexplained.size() + [&] {
    size_t n = 0;
    for (const auto& [why, k] : tailored) n += k;
    return n;
  }(), cases.size());
  EXPECT_TRUE(unexplained.empty());
}

}  // namespace
}  // namespace lp
