/**
 * CSV files as Japanese shops trade them with Excel: UTF-8 (with a BOM, so Excel opens it) or
 * Shift_JIS as Windows writes it ({@link org.misemori.csv.CsvEncoding}), cells a spreadsheet
 * would run as formulas made text, errors named by the file's physical line and column, and an
 * uploaded file kept sealed between its preview and the confirmed import
 * ({@link org.misemori.csv.CsvUploads}). Shared by the modules that import and export
 * (catalog, identity, and orders later); it knows nothing of what the columns mean.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CSV")
package org.misemori.csv;
