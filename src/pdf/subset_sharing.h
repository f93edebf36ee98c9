#pragma once
// Font subsets shared by the editions of one build. While a SubsetSharing lives, every PDF
// writer that embeds a face with the same glyphs as another takes that one's subset (the same
// bytes, made and deflated once) instead of making its own. The build holds one for its
// duration; without one, each writer makes its own subsets.
#include <cstddef>

namespace lp {

class SubsetSharing {
 public:
  SubsetSharing();
  ~SubsetSharing();
  SubsetSharing(const SubsetSharing&) = delete;
  SubsetSharing& operator=(const SubsetSharing&) = delete;

  // How many subsets writers have taken from another writer so far.
  size_t reused() const;
};

}  // namespace lp
