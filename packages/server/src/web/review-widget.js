/* global document, window, localStorage, fetch, crypto, IntersectionObserver, URL */
/*
 * Jejak's reviews widget: one script tag on the business's own site shows its approved reviews.
 *   <script src="https://jejak.example/review-widget.js" data-widget="TOKEN" data-product="PRODUCT_ID"
 *     data-lang="id" async></script>
 * Optional: data-target="element-id" (where to draw it; else right after the tag), data-lang="en".
 * A view (once, when the widget is on screen) and a click on "read more" are sent as touchpoints of
 * the visitor, under the website tracker's anonymous id when the page has one. No cookie.
 */
(function () {
  var script = document.currentScript;
  if (!script || !script.dataset.widget) return;
  var origin = new URL(script.src).origin;
  var token = script.dataset.widget;
  var productId = script.dataset.product || '';
  var lang = script.dataset.lang === 'en' ? 'en' : 'id';
  var TEXT = {
    id: {
      title: 'Ulasan pelanggan',
      of: function (avg, n) {
        return avg + ' dari 5 · ' + n + ' ulasan';
      },
      stars: function (n) {
        return n + ' dari 5 bintang';
      },
      verified: 'Pembeli terverifikasi',
      reply: 'Balasan dari ',
      more: 'Baca selengkapnya',
      none: 'Belum ada ulasan.',
    },
    en: {
      title: 'Customer reviews',
      of: function (avg, n) {
        return avg + ' out of 5 · ' + n + (n === 1 ? ' review' : ' reviews');
      },
      stars: function (n) {
        return n + ' out of 5 stars';
      },
      verified: 'Verified buyer',
      reply: 'Reply from ',
      more: 'Read more',
      none: 'No reviews yet.',
    },
  }[lang];
  var locale = lang === 'id' ? 'id-ID' : 'en-GB';
  var SHORT = 240;
  var KEY = 'jejak.anonymousId';

  function anonymousId() {
    try {
      if (window.jejak && typeof window.jejak.anonymousId === 'function') return window.jejak.anonymousId();
    } catch {
      /* fall through to storage */
    }
    try {
      var id = localStorage.getItem(KEY);
      if (!id) {
        id = crypto.randomUUID();
        localStorage.setItem(KEY, id);
      }
      return id;
    } catch {
      return crypto.randomUUID();
    }
  }

  function send(action, reviewId) {
    var body = {
      action: action,
      anonymousId: anonymousId(),
      url: String(window.location.href).slice(0, 2000),
    };
    if (productId) body.productId = productId;
    if (reviewId) body.reviewId = reviewId;
    fetch(origin + '/api/v1/public/review-widget/' + encodeURIComponent(token) + '/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      keepalive: true,
      credentials: 'omit',
    }).catch(function () {
      /* a lost touchpoint must not break the page */
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function starsOf(n) {
    var s = el('span', 'jrw-stars', '★★★★★'.slice(0, n) + '☆☆☆☆☆'.slice(0, 5 - n));
    s.setAttribute('role', 'img');
    s.setAttribute('aria-label', TEXT.stars(n));
    return s;
  }

  var CSS =
    '.jrw{font:15px/1.5 system-ui,sans-serif;color:#1f2328;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px;max-width:640px}' +
    '.jrw h2{font-size:18px;margin:0 0 4px}.jrw-sum{margin:0 0 12px;color:#3d444d}' +
    '.jrw ul{list-style:none;margin:0;padding:0}.jrw li{border-top:1px solid #d0d7de;padding:12px 0}' +
    '.jrw-stars{color:#8a5a00;letter-spacing:1px}.jrw-who{color:#3d444d;font-size:13px;margin:4px 0 0}' +
    '.jrw-badge{color:#1a7f37;font-weight:600}.jrw p{margin:4px 0}' +
    '.jrw-reply{background:#f6f8fa;border-left:3px solid #8c959f;padding:6px 10px;margin-top:8px;font-size:14px}' +
    '.jrw button{font:inherit;color:#0550ae;background:none;border:0;padding:0;text-decoration:underline;cursor:pointer}' +
    '.jrw button:focus-visible{outline:2px solid #0550ae;outline-offset:2px}';

  function render(data) {
    var root = el('section', 'jrw');
    root.setAttribute('aria-labelledby', 'jrw-title-' + token);
    var style = el('style');
    style.textContent = CSS;
    root.appendChild(style);
    var title = el('h2', '', TEXT.title + (data.productName ? ' · ' + data.productName : ''));
    title.id = 'jrw-title-' + token;
    root.appendChild(title);
    if (data.summary && data.summary.count > 0) {
      var avg = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(data.summary.average);
      root.appendChild(el('p', 'jrw-sum', TEXT.of(avg, data.summary.count)));
    } else {
      root.appendChild(el('p', 'jrw-sum', TEXT.none));
    }
    var list = el('ul');
    var dates = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: data.timeZone,
    });
    data.reviews.forEach(function (r) {
      var item = el('li');
      item.appendChild(starsOf(r.rating));
      var body = el('p', 'jrw-body', r.body.length > SHORT ? r.body.slice(0, SHORT) + '…' : r.body);
      item.appendChild(body);
      if (r.body.length > SHORT) {
        var more = el('button', '', TEXT.more);
        more.type = 'button';
        more.addEventListener('click', function () {
          body.textContent = r.body;
          more.remove();
          send('click', r.id);
        });
        item.appendChild(more);
      }
      var who = el('p', 'jrw-who', r.authorName + ' · ' + dates.format(new Date(r.createdAt)));
      if (r.verified) {
        who.appendChild(document.createTextNode(' · '));
        who.appendChild(el('span', 'jrw-badge', TEXT.verified));
      }
      item.appendChild(who);
      if (r.reply) {
        var reply = el('div', 'jrw-reply');
        reply.appendChild(el('strong', '', TEXT.reply + data.business));
        reply.appendChild(el('p', '', r.reply));
        item.appendChild(reply);
      }
      list.appendChild(item);
    });
    root.appendChild(list);
    var target = script.dataset.target && document.getElementById(script.dataset.target);
    if (target) target.appendChild(root);
    else script.insertAdjacentElement('afterend', root);

    var seen = false;
    var seenOnce = function () {
      if (!seen) {
        seen = true;
        send('view');
      }
    };
    if (typeof IntersectionObserver === 'function') {
      var watcher = new IntersectionObserver(function (entries) {
        if (
          entries.some(function (e) {
            return e.isIntersecting;
          })
        ) {
          watcher.disconnect();
          seenOnce();
        }
      });
      watcher.observe(root);
    } else seenOnce();
  }

  var url = origin + '/api/v1/public/review-widget/' + encodeURIComponent(token);
  if (productId) url += '?productId=' + encodeURIComponent(productId);
  fetch(url, { credentials: 'omit' })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (data) {
      if (data) render(data);
    })
    .catch(function () {
      /* no widget rather than a broken page */
    });
})();
