// Opens every closed <details> before printing, so that the tables of the figures are on
// paper, and closes them again afterwards. Without JavaScript the page is unchanged: the
// tables stay one click away, and the CSV files hold the same figures.
(function () {
	"use strict";
	var opened = [];
	window.addEventListener("beforeprint", function () {
		document.querySelectorAll("details:not([open])").forEach(function (details) {
			details.open = true;
			opened.push(details);
		});
	});
	window.addEventListener("afterprint", function () {
		opened.forEach(function (details) {
			details.open = false;
		});
		opened = [];
	});
})();
