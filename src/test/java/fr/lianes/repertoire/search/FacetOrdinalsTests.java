package fr.lianes.repertoire.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ordinals kept in arrays are those of the doc values, for fields with one value per
 * document and with several, documents without any included.
 */
class FacetOrdinalsTests {

	@Test
	void readsTheValuesOfEachDocumentAsTheDocValuesHaveThem() throws IOException {
		try (Directory directory = new ByteBuffersDirectory()) {
			try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
				writer.addDocument(document(List.of("SN", "ML"), "association"));
				writer.addDocument(document(List.of(), null));
				writer.addDocument(document(List.of("BF"), "commune"));
				writer.addDocument(document(List.of(), "association"));
				writer.addDocument(document(List.of("SN", "BF", "ML"), null));
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				LeafReader segment = reader.leaves().get(0).reader();

				assertThat(values(segment, "countries")).containsExactly(List.of("ML", "SN"), List.of(), List.of("BF"),
						List.of(), List.of("BF", "ML", "SN"));
				assertThat(values(segment, "type")).containsExactly(List.of("association"), List.of(),
						List.of("commune"), List.of("association"), List.of());
				assertThat(FacetOrdinals.of(segment, "countries")).isSameAs(FacetOrdinals.of(segment, "countries"));
			}
		}
	}

	private static Document document(List<String> countries, String type) {
		Document document = new Document();
		countries.forEach((country) -> document.add(new SortedSetDocValuesField("countries", new BytesRef(country))));
		if (type != null) {
			document.add(new SortedSetDocValuesField("type", new BytesRef(type)));
		}
		return document;
	}

	private static List<List<String>> values(LeafReader segment, String field) throws IOException {
		FacetOrdinals ordinals = FacetOrdinals.of(segment, field);
		SortedSetDocValues names = segment.getSortedSetDocValues(field);
		List<List<String>> values = new ArrayList<>();
		for (int doc = 0; doc < segment.maxDoc(); doc++) {
			List<String> own = new ArrayList<>();
			for (int k = ordinals.start(doc); k < ordinals.end(doc); k++) {
				own.add(names.lookupOrd(ordinals.ord(k)).utf8ToString());
			}
			values.add(own);
		}
		return values;
	}

}
