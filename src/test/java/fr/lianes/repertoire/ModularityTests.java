package fr.lianes.repertoire;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module; modules only use each other's public top-level
 * types and never depend on each other in a cycle.
 */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(RepertoireApplication.class).verify();
	}

}
