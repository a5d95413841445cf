package fr.lianes.repertoire.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.engine.backend.metamodel.IndexFieldDescriptor;
import org.hibernate.search.engine.backend.metamodel.IndexValueFieldTypeDescriptor;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;

/**
 * A fingerprint of the index's shape: every field of every index with what decides how it
 * is written (value type, analyzers, normalizer, whether it is searchable, sortable,
 * projectable or aggregable, and its traits, highlighting among them). An index made
 * whole under another shape lacks fields or holds them analysed differently, so it must
 * be rebuilt.
 */
final class IndexMapping {

	private IndexMapping() {
	}

	static String fingerprint(EntityManagerFactory entityManagerFactory) {
		Map<String, String> fields = new TreeMap<>();
		for (SearchIndexedEntity<?> entity : Search.mapping(entityManagerFactory).allIndexedEntities()) {
			String index = entity.indexManager().descriptor().hibernateSearchName();
			for (IndexFieldDescriptor field : entity.indexManager().descriptor().staticFields()) {
				if (field.isValueField()) {
					fields.put(index + "/" + field.absolutePath(), describe(field.toValueField().type()));
				}
			}
		}
		return sha256(fields.toString());
	}

	private static String describe(IndexValueFieldTypeDescriptor type) {
		return String.join(",", type.valueClass().getName(), name(type.analyzerName()), name(type.searchAnalyzerName()),
				name(type.normalizerName()), flag(type.searchable()), flag(type.sortable()), flag(type.projectable()),
				flag(type.aggregable()), String.valueOf(new TreeSet<>(type.traits())));
	}

	private static String name(Optional<String> name) {
		return name.orElse("-");
	}

	private static String flag(boolean value) {
		return value ? "1" : "0";
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
