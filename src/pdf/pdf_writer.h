#pragma once
// The output stage: pages to a PDF file. The file appears whole or not at all.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "model/diagnostic.h"

namespace lp {

class WholeFile;

struct PdfOptions {
  std::optional<int64_t> creation_time;  // seconds since 1970 (SOURCE_DATE_EPOCH); else the report's date
  bool pdf_x4 = false;      // PDF/X-4: a FOGRA39 output intent and XMP (the edition must be CMYK)
  bool pdf_ua1 = false;     // PDF/UA-1: the XMP claims it (every edition is tagged either way)
  bool crop_marks = false;  // trim marks outside the bleed, on a MediaBox made larger for them
  // The pages made into content streams and deflated on two threads of the writer's own; else
  // on the thread that lays them out (when each core already lays out an edition).
  bool own_threads = true;
};

// A PDF written while layout goes on: each page, as it arrives, becomes a compressed content
// stream (on the writer's own threads, so that neither stage waits for the other, or with
// PdfOptions::own_threads off on the layout's) and is let go: no long document is ever held
// whole. Nothing reaches the disk before finish().
class PdfWriter final : public PageSink {
 public:
  PdfWriter(std::string path, PdfOptions options);
  ~PdfWriter() override;
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  void begin(const DocumentInfo& info) override;
  void page(Page page) override;
  void end(std::vector<OutlineEntry> outline) override;
  // A contents page comes before its page numbers are known, with placeholders for them.
  bool fills_in_later() const override { return true; }
  void fill_in(size_t index, std::vector<std::vector<FrameItem>> items) override;
  // Writes the file whole (pdf/whole_file.h) and puts it in place; false after reporting the
  // reason in `diags` (against the path). With `pending`, the checked file is left there under
  // its scratch name, for the caller to commit with others or let go.
  bool finish(Diagnostics& diags, WholeFile* pending = nullptr);
  // Whether finish failed on the input (a font HarfBuzz cannot subset), not on the writing.
  bool failed_on_input() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A display list in memory, through a PdfWriter.
bool write_pdf(const DisplayList& list, const std::string& path, const PdfOptions& options, Diagnostics& diags);

}  // namespace lp
