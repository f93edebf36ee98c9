#pragma once
// Shared by the unit tests: the project's fonts and layouts, and temporary files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "model/loaders.h"
#include "style/style.h"
#include "text/font_set.h"

namespace lp::test {

inline std::string source(const std::string& rel) { return std::string(LP_SOURCE_DIR) + "/" + rel; }

// A file under the test's own temporary folder, with `text` in it.
inline std::string write_temp(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / ("lp-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

inline const FontSet& project_fonts() {
  static std::unique_ptr<FontSet> fonts = [] {
    Diagnostics d;
    auto set = FontSet::load(load_font_config(source("fonts/fonts.yaml"), d), d);
    EXPECT_FALSE(d.has_errors());
    return set;
  }();
  return *fonts;
}

inline StyleSheet booklet_styles() {
  Diagnostics d;
  StyleSheet s = resolve_styles(load_edition(source("layout/booklet.yaml"), d));
  EXPECT_FALSE(d.has_errors());
  return s;
}

}  // namespace lp::test
