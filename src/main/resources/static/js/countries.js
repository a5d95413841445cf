// A project's countries (census/countries.html): without JavaScript, checkboxes by continent
// and the chosen ones as chips after each save. This adds a search box that filters the
// lists as one types (Enter adds the first country found), and moves a country between
// the lists and the chips as soon as it is ticked or unticked. No text of its own: the
// page gives it (data-found).
(function () {
	function plain(text) {
		return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
	}

	document.querySelectorAll('[data-country-picker]').forEach(function (picker) {
		var search = picker.querySelector('.country-search');
		var input = search.querySelector('input');
		var status = search.querySelector('[role=status]');
		var chips = picker.querySelector('.country-chips');
		var none = picker.querySelector('.country-none');
		var continents = Array.prototype.slice.call(picker.querySelectorAll('details.continent'));
		search.hidden = false;

		function listOf(code) {
			return picker.querySelector('details.continent[data-codes~="' + code + '"] .country-list');
		}
		continents.forEach(function (continent) {
			var codes = [];
			continent.querySelectorAll('input').forEach(function (box) {
				codes.push(box.value);
			});
			continent.setAttribute('data-codes', codes.join(' '));
		});

		function filter() {
			var query = plain(input.value);
			var found = 0;
			continents.forEach(function (continent) {
				var shown = 0;
				continent.querySelectorAll('li').forEach(function (item) {
					var match = query === '' || plain(item.textContent).indexOf(query) >= 0;
					item.hidden = !match;
					shown += match ? 1 : 0;
				});
				continent.hidden = query !== '' && shown === 0;
				if (query !== '') {
					continent.open = shown > 0;
				}
				found += shown;
			});
			status.textContent = query === '' ? '' : status.getAttribute('data-found').replace('{0}', found);
		}

		function sync() {
			none.hidden = chips.children.length > 0;
		}

		// ticked in a list: a chip; unticked chip: back in its continent, in name order
		function move(box) {
			var item = box.closest('li');
			if (box.checked && !chips.contains(item)) {
				var next = item.nextElementSibling;
				item.classList.add('chip');
				item.hidden = false;
				chips.appendChild(item);
				var after = next ? next.querySelector('input') : null;
				(after || input).focus({ preventScroll: true });
			}
			else if (!box.checked && chips.contains(item)) {
				var list = listOf(box.value);
				if (!list) {
					return;
				}
				var following = item.nextElementSibling || item.previousElementSibling;
				item.classList.remove('chip');
				var before = Array.prototype.find.call(list.children, function (other) {
					return other.textContent.trim().localeCompare(item.textContent.trim(), 'fr') > 0;
				});
				list.insertBefore(item, before || null);
				var target = following ? following.querySelector('input') : null;
				(target || input).focus({ preventScroll: true });
				filter();
			}
			sync();
		}

		picker.addEventListener('change', function (event) {
			if (event.target.name === 'countries') {
				move(event.target);
			}
		});
		input.addEventListener('input', filter);
		input.addEventListener('keydown', function (event) {
			if (event.key !== 'Enter') {
				return;
			}
			// Enter here adds a country, it never sends the form
			event.preventDefault();
			var first = plain(input.value) === '' ? null
				: picker.querySelector('details.continent:not([hidden]) li:not([hidden]) input');
			if (first) {
				first.checked = true;
				move(first);
				input.value = '';
				filter();
				input.focus();
			}
		});
	});
})();
