package fr.lianes.repertoire.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the application watches its database ({@code repertoire.database.*}).
 *
 * @param checkInterval how often the database is checked (readiness follows it)
 * @param restartDelay how long a dead embedded PostgreSQL is left before it is started
 * again (its last processes exit meanwhile)
 * @param minFreeSpace below this free space on the embedded PostgreSQL's disk, writes are
 * refused with the 503 page and readiness is down
 * @param diskFullHold how long a "disk full" error from the server keeps writes refused
 * (then the next write tries again)
 */
@ConfigurationProperties("repertoire.database")
record DatabaseSettings(@DefaultValue("1s") Duration checkInterval, @DefaultValue("1s") Duration restartDelay,
		@DefaultValue("64MB") DataSize minFreeSpace, @DefaultValue("30s") Duration diskFullHold) {
}
