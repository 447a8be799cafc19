// RFC 4180 record reading over an in-memory text.
#include <fmt/format.h>

#include "io/io.h"

namespace dualwatch::io {

CsvReader::CsvReader(std::string_view name, std::string_view text, char delimiter)
    : name_(name), text_(text), delimiter_(delimiter) {}

bool CsvReader::Next(CsvRecord& record) {
  record.fields.clear();
  if (!status_.ok()) return false;
  // Skip blank lines between records.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  record.line = line_;
  std::string field;
  for (;;) {
    field.clear();
    if (pos_ < text_.size() && text_[pos_] == '"') {
      // Quoted field: runs to the next lone quote; "" is a literal quote.
      std::size_t start_line = line_;
      ++pos_;
      for (;;) {
        std::size_t q = text_.find('"', pos_);
        if (q == std::string_view::npos) {
          status_ = Status::Error(fmt::format("{}:{}: field {}: unterminated quoted field", name_,
                                              start_line, record.fields.size() + 1));
          return false;
        }
        for (std::size_t i = pos_; i < q; ++i) line_ += text_[i] == '\n';
        field.append(text_.substr(pos_, q - pos_));
        pos_ = q + 1;
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field.push_back('"');
          ++pos_;
          continue;
        }
        break;
      }
      // Anything between the closing quote and the delimiter is kept literally.
      while (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' &&
             text_[pos_] != '\r') {
        field.push_back(text_[pos_++]);
      }
    } else {
      std::size_t end = pos_;
      while (end < text_.size() && text_[end] != delimiter_ && text_[end] != '\n' &&
             text_[end] != '\r') {
        ++end;
      }
      field.assign(text_.substr(pos_, end - pos_));
      pos_ = end;
    }
    record.fields.push_back(field);
    if (pos_ < text_.size() && text_[pos_] == delimiter_) {
      ++pos_;
      continue;
    }
    // End of record: consume CR?LF.
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    return true;
  }
}

}  // namespace dualwatch::io
