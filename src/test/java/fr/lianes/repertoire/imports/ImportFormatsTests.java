package fr.lianes.repertoire.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files as the network's office tools write them: OpenDocument spreadsheets
 * (LibreOffice), Excel's « Texte Unicode » (UTF-16, tabs), and a Windows-1252 file whose
 * first accent is far down, which ICU4J's detector tells from UTF-8.
 */
class ImportFormatsTests {

	@TempDir
	Path directory;

	@Test
	void anOdsSpreadsheetIsReadRowByRowAsItIsShown() throws IOException {
		String content = """
				<table:table table:name="Structures">
				<table:table-row><table:table-cell office:value-type="string"><text:p>Identifiant</text:p></table:table-cell>
				<table:table-cell><text:p>Nom</text:p></table:table-cell><table:table-cell><text:p>Création</text:p></table:table-cell>
				<table:table-cell table:number-columns-repeated="16381"/></table:table-row>
				<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
				<table:table-row><table:table-cell><text:p>A1</text:p></table:table-cell>
				<table:table-cell><office:annotation><text:p>une note</text:p></office:annotation><text:p>Les<text:s text:c="2"/>Amis</text:p><text:p>de Ouidah</text:p></table:table-cell>
				<table:table-cell office:value-type="date" office:date-value="1998-03-12"><text:p>12/03/1998</text:p></table:table-cell></table:table-row>
				<table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell><text:p>2001</text:p></table:table-cell></table:table-row>
				<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
				</table:table>
				<table:table table:name="Autre"><table:table-row><table:table-cell><text:p>ignorée</text:p></table:table-cell></table:table-row></table:table>
				""";
		Path file = this.directory.resolve("0");
		Files.write(file, ods(content));
		TableFormat format = TableFormat.detect(file, "export sans extension");
		assertThat(format.kind()).isEqualTo(TableFormat.Kind.ODS);
		assertThat(TableReader.header(file, format)).containsExactly("Identifiant", "Nom", "Création");
		List<String> rows = new ArrayList<>();
		TableReader.read(file, format, new TableReader.RowHandler() {
			@Override
			public void header(List<String> cells) {
			}

			@Override
			public void row(int line, List<String> cells) {
				rows.add(line + ": " + String.join(" | ", cells));
			}
		});
		assertThat(rows).containsExactly("4: A1 | Les  Amis\nde Ouidah | 12/03/1998", "5:  |  | 2001");
	}

	@Test
	void excelsUnicodeTextIsUtf16WithTabs() throws IOException {
		Path file = this.directory.resolve("1");
		byte[] text = "Nom\tCommune\r\nAssociation Tiléla\tLille\r\n".getBytes(StandardCharsets.UTF_16LE);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(0xFF);
		bytes.write(0xFE);
		bytes.write(text);
		Files.write(file, bytes.toByteArray());
		TableFormat format = TableFormat.detect(file, "export.txt");
		assertThat(format.charset()).isEqualTo(StandardCharsets.UTF_16);
		assertThat(format.separatorName()).isEqualTo("tab");
		assertThat(TableReader.header(file, format)).containsExactly("Nom", "Commune");
		assertThat(TableReader.count(file, format)).isEqualTo(1);
	}

	@Test
	void aWindows1252FileIsToldFromUtf8EvenWhenItsFirstAccentIsFarDown() throws IOException {
		StringBuilder csv = new StringBuilder("Nom;Commune\r\n");
		for (int i = 0; i < 3000; i++) {
			csv.append("Association numero ").append(i).append(";Lille\r\n");
		}
		csv.append("Comité de jumelage franco-béninois;Béthune\r\n");
		Path file = this.directory.resolve("2");
		Files.write(file, csv.toString().getBytes(Charset.forName("windows-1252")));
		TableFormat format = TableFormat.detect(file, "export.csv");
		assertThat(format.charsetName()).isEqualTo("windows-1252");
		Files.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(TableFormat.detect(file, "export.csv").charsetName()).isEqualTo("UTF-8");
		Files.write(file, "Nom;Commune\r\nCafé des Ãmes;Lille\r\nÉcole de la Paix;Lens\r\n"
			.getBytes(Charset.forName("windows-1252")));
		assertThat(TableFormat.detect(file, "export.csv").charsetName()).isEqualTo("windows-1252");
	}

	/** An OpenDocument spreadsheet with the given tables in its body. */
	static byte[] ods(String tables) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			ZipEntry mimetype = new ZipEntry("mimetype");
			zip.putNextEntry(mimetype);
			zip.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("content.xml"));
			zip.write(("""
					<?xml version="1.0" encoding="UTF-8"?>
					<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
					 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
					 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
					<office:body><office:spreadsheet>""" + tables + """
					</office:spreadsheet></office:body></office:document-content>""").getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

}
