package fr.lianes.repertoire.directory;

import java.time.Instant;

import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.engine.backend.types.Sortable;

/**
 * What every editable entry of the directory has: a version, so that two concurrent edits
 * cannot silently overwrite each other, and its creation and last-update times.
 */
@MappedSuperclass
@EntityListeners(Timestamps.class)
public abstract class TrackedEntity {

	@Version
	private int version;

	private Instant createdAt;

	@GenericField(sortable = Sortable.YES)
	private Instant updatedAt;

	/** Called by {@link Timestamps} before every insert and update. */
	void touch(Instant now) {
		if (this.createdAt == null) {
			this.createdAt = now;
		}
		this.updatedAt = now;
	}

	public int getVersion() {
		return this.version;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
