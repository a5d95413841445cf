package fr.lianes.repertoire.demo;

/**
 * Start and end years with a status consistent with them, 2026 being the current year:
 * completed projects ended by 2026, ongoing ones started by 2026 and have not ended
 * before, planned ones start in 2026 or later.
 */
record ProjectYears(Integer start, Integer end, String status) {

	static ProjectYears draw(String actorStatus, DemoRun run) {
		int current = DemoRun.CURRENT_YEAR;
		// more recent projects than old ones: the square root skews towards the present
		int start = Math.min(current, 1995 + (int) (32 * Math.sqrt(run.random.nextDouble())));
		if (!actorStatus.equals("ACTIVE")) {
			// dormant and ceased actors have finished their projects
			start = Math.min(start, current - 2 - run.random.nextInt(6));
			int end = Math.min(current - 1, start + run.random.nextInt(5));
			return new ProjectYears(start, end, "COMPLETED");
		}
		if (start == current && run.chance(0.5)) {
			int planned = current + (run.chance(0.7) ? 0 : 1);
			return new ProjectYears(planned, run.chance(0.5) ? null : planned + run.between(1, 3), "PLANNED");
		}
		if (run.chance(0.3)) {
			// open-ended actions, still running when recent
			return (start >= 2015) ? new ProjectYears(start, null, "ONGOING")
					: new ProjectYears(start, Math.min(current, start + run.between(2, 10)), "COMPLETED");
		}
		int end = start + run.random.nextInt(7);
		return new ProjectYears(start, end, (end < current) ? "COMPLETED" : "ONGOING");
	}

}
