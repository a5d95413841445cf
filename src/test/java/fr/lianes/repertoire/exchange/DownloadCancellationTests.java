package fr.lianes.repertoire.exchange;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Whole-list downloads whose client goes away (a broken pipe) on the demo directory, in
 * chunks of 50 so that the reader is ahead of the writing when it happens: the download
 * fails, its reader stops and gives its connection back before the download returns, and
 * the downloads' places are all free again (more downloads cut short than the places).
 */
@SpringBootTest(properties = { "repertoire.exchange.download-chunk=" + DownloadOrderTests.CHUNK,
		"repertoire.exchange.download-pass=" + DownloadOrderTests.PASS })
@AutoConfigureMockMvc
class DownloadCancellationTests {

	/** Bytes the client takes before it goes away: a few chunks' worth. */
	private static final int CUT_AT = 100_000;

	@Autowired
	private DownloadController downloads;

	@Autowired
	@Qualifier("downloadReaderExecutor")
	private ThreadPoolTaskExecutor readers;

	@Autowired
	private ExchangeProperties properties;

	@Autowired
	private DataSource dataSource;

	@ParameterizedTest
	@ValueSource(strings = { "csv", "json" })
	void aDownloadCutByItsClientStopsItsReaderAndGivesBackItsConnection(String format) throws SQLException {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		for (int i = 0; i <= this.properties.concurrentDownloads(); i++) {
			CutResponse response = new CutResponse();
			assertThatThrownBy(
					() -> this.downloads.actors(format, new LinkedMultiValueMap<>(), Locale.FRENCH, response))
				.hasRootCauseMessage("Broken pipe");
			assertThat(response.written).isGreaterThanOrEqualTo(CUT_AT);
			// the reader's thread is free again (its task ended before the download
			// returned; the pool counts it free a moment later)
			await().atMost(Duration.ofSeconds(10)).until(() -> this.readers.getActiveCount() == 0);
			// the application's other work may hold a connection a moment, never for good
			await().atMost(Duration.ofSeconds(30)).until(() -> pool.getHikariPoolMXBean().getActiveConnections() == 0);
		}
		// and a whole download still goes through
		CutResponse whole = new CutResponse(Integer.MAX_VALUE);
		assertThatCode(() -> this.downloads.actors(format, new LinkedMultiValueMap<>(), Locale.FRENCH, whole))
			.doesNotThrowAnyException();
		assertThat(whole.written).isGreaterThan(CUT_AT);
	}

	/** A response whose client goes away after {@code cutAt} bytes. */
	private static final class CutResponse extends HttpServletResponseWrapper {

		private final int cutAt;

		private long written;

		CutResponse() {
			this(CUT_AT);
		}

		CutResponse(int cutAt) {
			super(new MockHttpServletResponse());
			this.cutAt = cutAt;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			return new ServletOutputStream() {

				@Override
				public void write(int b) throws IOException {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					if (CutResponse.this.written >= CutResponse.this.cutAt) {
						throw new IOException("Broken pipe");
					}
					CutResponse.this.written += length;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(WriteListener listener) {
				}

			};
		}

	}

}
