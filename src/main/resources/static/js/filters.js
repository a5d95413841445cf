// On a narrow screen the list's filters fold under « Filtrer » so that the results come
// first; without JavaScript they stay open (issue 17).
(function () {
	if (!window.matchMedia || !window.matchMedia('(max-width: 48rem)').matches) {
		return;
	}
	document.querySelectorAll('details.filter-fold').forEach(function (fold) {
		if (fold.getAttribute('data-filtered') !== 'true') {
			fold.open = false;
		}
	});
})();
