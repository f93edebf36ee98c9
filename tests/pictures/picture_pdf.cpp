// Test tool: a one-page PDF showing one picture at one point per pixel, the page its size, so
// that rendering the page at 72 dpi gives the picture's pixels back.
// usage: picture_pdf PICTURE OUT.pdf; exit 1 with the reason when the picture is refused.
#include <iostream>

#include "model/image_info.h"
#include "pdf/pdf_writer.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: picture_pdf PICTURE OUT.pdf\n";
    return 2;
  }
  std::string why;
  const auto info = lp::read_image_info(argv[1], why);
  if (!info) {
    std::cerr << argv[1] << ": " << why << "\n";
    return 1;
  }
  lp::DisplayList list;
  list.info.geometry.width = lp::Pt(info->width);
  list.info.geometry.height = lp::Pt(info->height);
  list.info.title = "picture";
  lp::Page page;
  page.items.push_back(lp::ImageItem{lp::Pt(0), lp::Pt(0), lp::Pt(info->width), lp::Pt(info->height), argv[1], "a picture"});
  list.pages.push_back(std::move(page));
  lp::Diagnostics diags;
  if (!lp::write_pdf(list, argv[2], {}, diags)) {
    for (const auto& d : diags.all()) std::cerr << lp::format_diagnostic(d) << "\n";
    return 1;
  }
  return 0;
}
