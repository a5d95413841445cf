package fr.lianes.repertoire.exchange;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import fr.lianes.repertoire.directory.ListCriteria;
import fr.lianes.repertoire.directory.PublicListings;
import fr.lianes.repertoire.figures.CsvCells;
import fr.lianes.repertoire.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The lists {@code /acteurs} and {@code /projets}, filtered by the same parameters, as
 * files: CSV (UTF-8 with a byte order mark; {@code ;} by default for French spreadsheets,
 * {@code ,} with {@code separateur=virgule}), XLSX, JSON and, for actors, GeoJSON.
 * Written as they are read from the database: memory holds the list's order (from one
 * pass over the index), never its entries.
 */
@Controller
class DownloadController {

	static final MediaTypes TYPES = new MediaTypes();

	private final PublicListings listings;

	private final PublicStreams streams;

	private final MessageSource messages;

	private final JsonMapper json;

	/**
	 * Writes one entry into the file's generator without flushing it down to the client
	 * (the mapper's default flushes after each value: one network write per entry).
	 */
	private final ObjectWriter entry;

	private final Semaphore running;

	private final Clock clock;

	DownloadController(PublicListings listings, PublicStreams streams, MessageSource messages, JsonMapper json,
			ExchangeProperties properties, Clock clock) {
		this.listings = listings;
		this.streams = streams;
		this.messages = messages;
		this.json = json;
		this.entry = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
		this.running = new Semaphore(properties.concurrentDownloads());
		this.clock = clock;
	}

	@GetMapping("/donnees/acteurs.{format:csv|xlsx|json|geojson}")
	void actors(@PathVariable String format, @RequestParam MultiValueMap<String, String> params, Locale locale,
			HttpServletResponse response) throws IOException {
		ListCriteria criteria = this.listings.actorCriteria(params);
		download(response, "acteurs", format, separator(params), locale, Columns.actors(),
				(each) -> this.streams.actors(criteria, each), true);
	}

	@GetMapping("/donnees/projets.{format:csv|xlsx|json}")
	void projects(@PathVariable String format, @RequestParam MultiValueMap<String, String> params, Locale locale,
			HttpServletResponse response) throws IOException {
		ListCriteria criteria = this.listings.projectCriteria(params);
		download(response, "projets", format, separator(params), locale, Columns.projects(),
				(each) -> this.streams.projects(criteria, each), false);
	}

	private <T> void download(HttpServletResponse response, String name, String format, char separator, Locale locale,
			List<Columns.Column<T>> columns, Consumer<Consumer<T>> rows, boolean geo) throws IOException {
		if (!this.running.tryAcquire()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "30");
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
		}
		try {
			String file = name + "-" + LocalDate.now(this.clock) + "." + format;
			response.setContentType(TYPES.of(format));
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString());
			OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
			switch (format) {
				case "csv" -> csv(out, separator, locale, columns, rows);
				case "xlsx" -> xlsx(out, name, locale, columns, rows);
				case "json" -> json(out, rows);
				case "geojson" -> {
					if (!geo) {
						throw new NotFoundException();
					}
					geoJson(out, rows);
				}
				default -> throw new NotFoundException();
			}
			out.flush();
		}
		finally {
			this.running.release();
		}
	}

	private <T> void csv(OutputStream out, char separator, Locale locale, List<Columns.Column<T>> columns,
			Consumer<Consumer<T>> rows) throws IOException {
		// the cells' many small pieces gathered before their encoding
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
		writer.write('\uFEFF');
		CsvCells.line(writer, headers(columns, locale), separator);
		rows.accept((row) -> CsvCells.line(writer, columns.stream().map((column) -> column.value().apply(row)).toList(),
				separator));
		writer.flush();
	}

	private <T> void xlsx(OutputStream out, String name, Locale locale, List<Columns.Column<T>> columns,
			Consumer<Consumer<T>> rows) throws IOException {
		// 100 rows in memory, the others flushed to a compressed temporary file
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			workbook.setCompressTempFiles(true);
			var sheet = workbook.createSheet(name);
			int[] index = { 0 };
			writeRow(sheet.createRow(index[0]++), headers(columns, locale));
			rows.accept((row) -> writeRow(sheet.createRow(index[0]++),
					columns.stream().map((column) -> column.value().apply(row)).toList()));
			workbook.write(out);
		}
	}

	private static void writeRow(org.apache.poi.ss.usermodel.Row row, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (value != null && !value.isEmpty()) {
				// text cells, never formulas; neutralised all the same for who edits them
				row.createCell(i).setCellValue(CsvCells.neutralised(value));
			}
		}
	}

	private <T> void json(OutputStream out, Consumer<Consumer<T>> rows) {
		try (JsonGenerator generator = this.json.createGenerator(out)) {
			generator.writeStartArray();
			rows.accept((row) -> this.entry.writeValue(generator, row));
			generator.writeEndArray();
		}
	}

	/**
	 * Actors as a FeatureCollection. Their features have no geometry (RFC 7946 allows an
	 * unlocated feature): the reference data holds no coordinates of the communes yet;
	 * each feature names its commune by INSEE code ({@code address.commune.code}).
	 */
	private <T> void geoJson(OutputStream out, Consumer<Consumer<T>> rows) {
		try (JsonGenerator generator = this.json.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeStringProperty("type", "FeatureCollection");
			generator.writeArrayPropertyStart("features");
			rows.accept((row) -> {
				generator.writeStartObject();
				generator.writeStringProperty("type", "Feature");
				generator.writeStringProperty("id", ((ApiActor) row).slug());
				generator.writeNullProperty("geometry");
				generator.writeName("properties");
				this.entry.writeValue(generator, row);
				generator.writeEndObject();
			});
			generator.writeEndArray();
			generator.writeEndObject();
		}
	}

	private <T> List<String> headers(List<Columns.Column<T>> columns, Locale locale) {
		return columns.stream().map((column) -> this.messages.getMessage(column.headerKey(), null, locale)).toList();
	}

	private static char separator(MultiValueMap<String, String> params) {
		String value = params.getFirst("separateur");
		return ("virgule".equals(value) || ",".equals(value)) ? ',' : ';';
	}

	/** The content type of each format. */
	static final class MediaTypes {

		String of(String format) {
			return switch (format) {
				case "csv" -> "text/csv;charset=UTF-8";
				case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
				case "json" -> "application/json";
				case "geojson" -> "application/geo+json";
				default -> "application/octet-stream";
			};
		}

	}

}
