// Filters the merchant directory by city, category and beneficiary group, reading merchants/index.json.
// Without script, the page is a plain list of all merchants grouped by city.
(function () {
  'use strict';
  var form = document.getElementById('merchant-filters');
  var directory = document.getElementById('merchant-directory');
  var status = document.getElementById('merchant-count');
  if (!form || !directory || !window.fetch) return;
  var base = directory.getAttribute('data-index').replace(/merchants\/index\.json$/, '');
  var original = directory.innerHTML;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function render(merchants, filtered) {
    if (!filtered) {
      directory.innerHTML = original;
      status.textContent = '共 ' + merchants.length + ' 家商家';
      return;
    }
    var list = el('ul', 'merchant-list');
    merchants.forEach(function (m) {
      var item = el('li', 'merchant-item');
      var title = el('h3', 'merchant-name');
      var link = el('a', '', m.name);
      link.href = base + m.url;
      title.appendChild(link);
      item.appendChild(title);
      var meta = el('p', 'meta');
      meta.appendChild(el('span', 'tag-chip', m.category));
      meta.appendChild(document.createTextNode(' ' + m.address));
      item.appendChild(meta);
      var offers = el('ul', 'offer-list');
      m.offers.forEach(function (o) { offers.appendChild(el('li', '', o)); });
      item.appendChild(offers);
      list.appendChild(item);
    });
    directory.replaceChildren(list);
    status.textContent = merchants.length ? '找到 ' + merchants.length + ' 家商家' : '没有符合条件的商家，请放宽筛选条件';
  }

  fetch(directory.getAttribute('data-index'))
    .then(function (r) { return r.json(); })
    .then(function (index) {
      var all = index.merchants;
      function apply() {
        var city = form.elements.city.value;
        var category = form.elements.category.value;
        var group = form.elements.group.value;
        var filtered = city || category || group;
        render(all.filter(function (m) {
          return (!city || m.city === city) && (!category || m.category === category) &&
            (!group || m.groups.indexOf(group) >= 0);
        }), filtered);
      }
      form.addEventListener('change', apply);
      form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
      form.hidden = false;
      apply();
    })
    .catch(function () { form.hidden = true; form.style.display = 'none'; });
})();
