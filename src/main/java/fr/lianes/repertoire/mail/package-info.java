/**
 * The outgoing-mail outbox, its templates' rendering, delivery and opt-outs.
 * <p>
 * The modules it may use are declared here and checked by {@code ModularityTests}.
 */
@ApplicationModule(allowedDependencies = { "time" })
package fr.lianes.repertoire.mail;

import org.springframework.modulith.ApplicationModule;
