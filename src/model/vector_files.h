#pragma once
// Internal to src/model: the SVG files a report names (pictures, cover artwork, icons), each read
// once, its problems said at the report's line that names it.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/svg.h"

namespace lp {

class VectorFiles {
 public:
  // `icon_dirs`: where icons named without ".svg" are looked for, in order.
  VectorFiles(std::vector<std::string> icon_dirs, Diagnostics& diags) : icon_dirs_(std::move(icon_dirs)), diags_(diags) {}

  // The SVG at `path`, called `shown` in diagnostics (named at `report`:`pos` as `what`); a
  // damaged one is an error there, and what it holds that is not drawn a warning at the SVG's
  // own line.
  std::shared_ptr<const VectorPicture> read(const std::string& path, const std::string& shown, const std::string& report,
                                            SourcePos pos, const std::string& what);
  // icons/NAME.svg in the first folder that has it; none (with a warning) when no folder has it.
  std::shared_ptr<const VectorPicture> icon(const std::string& name, const std::string& report, SourcePos pos);

 private:
  std::vector<std::string> icon_dirs_;
  Diagnostics& diags_;
  std::map<std::string, std::shared_ptr<const VectorPicture>> read_;  // by path (none: it failed)
};

}  // namespace lp
