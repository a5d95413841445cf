package fr.lianes.repertoire.census;

import java.time.LocalDate;

/**
 * A census campaign, as read on a day.
 *
 * @param id its identifier
 * @param name its name
 * @param opensOn its first day
 * @param closesOn its last day
 * @param asOf the date its figures describe ("situation au")
 * @param open whether the day it was read on lies between its first and last days
 */
public record Campaign(int id, String name, LocalDate opensOn, LocalDate closesOn, LocalDate asOf, boolean open) {

}
