#include "pdf/pdfx.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <fmt/format.h>

#include <cctype>
#include <ctime>

#include "pdf/deflater.h"
#include "pdf/output_profile.h"

namespace lp {

namespace {

// The output condition as registered with the ICC (www.color.org's characterization data).
constexpr const char* kCondition = "FOGRA39";
constexpr const char* kConditionText = "Offset printing, ISO 12647-2:2004/Amd 1, coated paper (paper types 1 and 2), 115 g/m2";
constexpr const char* kRegistry = "http://www.color.org";

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string xmp_date(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

// The ICC profile (deflated when leafpress was built) as an ICCBased stream: N 4 (CMYK).
HPDF_Dict profile_stream(HPDF_Doc doc) {
  HPDF_Dict stream = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!stream) return nullptr;
  HPDF_Dict_AddNumber(stream, "N", 4);
  set_deflated_stream(stream, std::string(reinterpret_cast<const char*>(kOutputProfileDeflated), kOutputProfileDeflatedSize));
  return stream;
}

HPDF_String text(HPDF_Doc doc, const char* s) { return HPDF_String_New(doc->mmgr, s, nullptr); }

}  // namespace

std::string xmp_packet(const PdfxInfo& info, const XmpClaims& claims) {
  const std::string date = xmp_date(info.date);
  std::string id = info.document_id;
  for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  id.resize(32, '0');
  const std::string uuid =
      fmt::format("uuid:{}-{}-{}-{}-{}", id.substr(0, 8), id.substr(8, 4), id.substr(12, 4), id.substr(16, 4), id.substr(20, 12));
  // The packet header's id is fixed by the XMP specification; no BOM (UTF-8).
  std::string out =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"";
  if (claims.pdfx4) out += "\n    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"";
  if (claims.pdfua1) out += "\n    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"";
  out += ">\n   <dc:format>application/pdf</dc:format>\n";
  out += fmt::format("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\n", xml_escape(info.title));
  if (claims.dated)
    out += fmt::format("   <xmp:CreateDate>{}</xmp:CreateDate>\n   <xmp:ModifyDate>{}</xmp:ModifyDate>\n"
                       "   <xmp:MetadataDate>{}</xmp:MetadataDate>\n", date, date, date);
  out += "   <xmp:CreatorTool>leafpress</xmp:CreatorTool>\n";
  out += fmt::format("   <pdf:Producer>{}</pdf:Producer>\n", xml_escape(info.producer));
  if (claims.pdfx4) out += "   <pdf:Trapped>False</pdf:Trapped>\n";
  out += fmt::format("   <xmpMM:DocumentID>{}</xmpMM:DocumentID>\n   <xmpMM:InstanceID>{}</xmpMM:InstanceID>\n", uuid, uuid);
  out += "   <xmpMM:VersionID>1</xmpMM:VersionID>\n   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n";
  if (claims.pdfx4) out += "   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n";
  if (claims.pdfua1) out += "   <pdfuaid:part>1</pdfuaid:part>\n";
  out += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
  return out;
}

std::string add_xmp(HPDF_Doc doc, const PdfxInfo& info, const XmpClaims& claims) {
  // XMP is read by tools that do not inflate streams: it stays uncompressed.
  const std::string xmp = xmp_packet(info, claims);
  HPDF_Dict metadata = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!metadata) return "cannot add the XMP metadata";
  metadata->filter = HPDF_STREAM_FILTER_NONE;
  HPDF_Dict_AddName(metadata, "Type", "Metadata");
  HPDF_Dict_AddName(metadata, "Subtype", "XML");
  HPDF_Stream_Write(metadata->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()), static_cast<HPDF_UINT>(xmp.size()));
  HPDF_Dict_Add(doc->catalog, "Metadata", metadata);
  return "";
}

std::string add_pdfx4(HPDF_Doc doc, const PdfxInfo&) {
  HPDF_Dict profile = profile_stream(doc);
  if (!profile) return "cannot add the output profile";

  HPDF_Dict intent = HPDF_Dict_New(doc->mmgr);
  HPDF_Dict_AddName(intent, "Type", "OutputIntent");
  HPDF_Dict_AddName(intent, "S", "GTS_PDFX");
  HPDF_Dict_Add(intent, "OutputConditionIdentifier", text(doc, kCondition));
  HPDF_Dict_Add(intent, "OutputCondition", text(doc, kConditionText));
  HPDF_Dict_Add(intent, "RegistryName", text(doc, kRegistry));
  HPDF_Dict_Add(intent, "Info", text(doc, "Coated FOGRA39 (ISO 12647-2:2004)"));
  HPDF_Dict_Add(intent, "DestOutputProfile", profile);
  HPDF_Array intents = HPDF_Array_New(doc->mmgr);
  HPDF_Array_Add(intents, intent);
  HPDF_Dict_Add(doc->catalog, "OutputIntents", intents);

  HPDF_Dict_Add(doc->info, "GTS_PDFXVersion", text(doc, "PDF/X-4"));
  HPDF_Dict_AddName(doc->info, "Trapped", "False");
  return "";
}

}  // namespace lp
