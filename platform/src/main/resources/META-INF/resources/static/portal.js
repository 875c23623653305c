/*
 * 朗读 (read aloud) with the browser's own speech synthesis; the page works without it. The button
 * stays hidden where speech cannot work, and says so when the phone has no voice for the page's language.
 * What is spoken is normalised (mjSpeech.parts): an amount is one number, a hash or ID is a short form.
 */
var mjSpeech = (function () {
  var LONG = /[0-9A-Za-z*]{12,}/g;
  var MONEY = /[¥￥]\s?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)/g;
  var GROUPED = /\d{1,3}(?:,\d{3})+(?:\.\d+)?/g;
  var DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
  /** 120,000.00 → 120000, 1,234.50 → 1234.5: one number, no separator read as a pause. */
  function number(n) {
    return n.replace(/,/g, '').replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');
  }
  function shortForm(token, zh) {
    if (!/[\d*]/.test(token)) return token; // a long word, not a code
    var tail = token.slice(-4).split('').join(' ');
    return zh ? '（编号尾号 ' + tail + '）' : ' (number ending ' + tail + ') ';
  }
  /** The text as spoken: amounts as one number, dates as words, IDs and hashes by their last four. */
  function text(raw, lang) {
    var zh = lang !== 'en';
    return raw.replace(/[▶→›«»]/g, ' ')
      .replace(MONEY, function (m, n) { return zh ? number(n) + '元' : number(n) + ' yuan'; })
      .replace(GROUPED, function (m) { return number(m); })
      .replace(DAY, function (m, y, mo, d) { return zh ? y + '年' + (+mo) + '月' + (+d) + '日' : m; })
      .replace(LONG, function (m) { return shortForm(m, zh); })
      .replace(/[ \t]*·[ \t]*/g, zh ? '，' : ', ').replace(/[ \t]{2,}/g, ' ');
  }
  /** Pieces to speak one after another: at the end of a sentence, never inside a number. */
  function parts(raw, lang) {
    return text(raw, lang).split(/(?<=[。！？；!?;\n])|(?<=\.)(?=\s)/).map(function (x) { return x.trim(); })
      .filter(function (x) { return x && /[0-9A-Za-z\u3400-\u9fff]/.test(x); });
  }
  var SKIP = 'script,style,code.hash,[data-noread],.read,.sr,[hidden],[aria-hidden=true]';
  var BLOCK = /^(P|LI|H[1-6]|DT|DD|TR|TD|TH|DIV|SECTION|ARTICLE|TABLE|CAPTION|BR|UL|OL|DL|FIGCAPTION)$/;
  /** What a reader sees of an element, without the parts nobody should hear. */
  function visibleText(el) {
    var out = '';
    (function walk(n) {
      if (n.nodeType === 3) { out += n.data; return; }
      if (n.nodeType !== 1 || n.matches(SKIP)) return;
      for (var c = n.firstChild; c; c = c.nextSibling) walk(c);
      if (BLOCK.test(n.tagName)) out += /^(TD|TH)$/.test(n.tagName) ? '，' : '\n';
    })(el);
    return out;
  }
  return { text: text, parts: parts, visibleText: visibleText };
})();

(function () {
  var s = window.speechSynthesis;
  if (!s || !window.SpeechSynthesisUtterance) return;
  document.documentElement.className += ' tts';
  var voices = s.getVoices();
  s.addEventListener && s.addEventListener('voiceschanged', function () { voices = s.getVoices(); });
  function noVoice(button) {
    if (button.nextElementSibling && button.nextElementSibling.className === 'novoice') return;
    var note = document.createElement('p');
    note.className = 'novoice';
    note.setAttribute('role', 'status');
    var source = document.querySelector('[data-novoice]');
    note.textContent = source ? source.getAttribute('data-novoice') : '';
    button.insertAdjacentElement('afterend', note);
  }
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('[data-read]');
    if (!b) return;
    e.preventDefault();
    if (s.speaking) { s.cancel(); return; }
    var el = document.getElementById(b.getAttribute('data-read')) || document.querySelector('main');
    var lang = document.documentElement.lang === 'en' ? 'en' : 'zh';
    var voice = voices.filter(function (v) { return v.lang.replace('_', '-').indexOf(lang) === 0; })[0];
    if (!voice) {
      noVoice(b);
      if (voices.length) return; // the phone's voices are known and none speaks the page's language
    }
    mjSpeech.parts(mjSpeech.visibleText(el), lang).forEach(function (part) {
      var u = new SpeechSynthesisUtterance(part);
      u.lang = lang === 'en' ? 'en-US' : 'zh-CN'; u.rate = 0.9;
      if (voice) u.voice = voice;
      s.speak(u);
    });
  });
})();

/*
 * The proof of work of an anonymous report (WorkProofs): find a nonce whose SHA-256 over
 * "challenge:nonce" starts with data-work-bits zero bits, in slices so the page stays responsive.
 * Pure script, since WebCrypto is missing on plain-http pages; without scripts the form waits.
 */
(function () {
  var form = document.querySelector('form[data-work-bits]');
  if (!form) return;
  var bits = +form.getAttribute('data-work-bits'), challenge = form.elements.proof.value, nonce = 0, done = false;
  var K = [], H0 = [];
  (function () {
    var n = 2, found = 0;
    function frac(x) { return (x - Math.floor(x)) * 4294967296 | 0; }
    while (found < 64) {
      var prime = true;
      for (var d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
      if (prime) { if (found < 8) H0[found] = frac(Math.pow(n, 1 / 2)); K[found++] = frac(Math.pow(n, 1 / 3)); }
      n++;
    }
  })();
  function sha256(text) {
    var bytes = [], i, j;
    for (i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i) & 0xff);
    var bitLength = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) bytes.push(0);
    for (i = 7; i >= 0; i--) bytes.push(i > 3 ? 0 : (bitLength >>> (i * 8)) & 0xff);
    var h = H0.slice(), w = new Array(64);
    for (i = 0; i < bytes.length; i += 64) {
      for (j = 0; j < 16; j++) w[j] = bytes[i + 4 * j] << 24 | bytes[i + 4 * j + 1] << 16 | bytes[i + 4 * j + 2] << 8 | bytes[i + 4 * j + 3];
      for (j = 16; j < 64; j++) {
        var a = w[j - 15], b = w[j - 2];
        var s0 = (a >>> 7 | a << 25) ^ (a >>> 18 | a << 14) ^ a >>> 3, s1 = (b >>> 17 | b << 15) ^ (b >>> 19 | b << 13) ^ b >>> 10;
        w[j] = w[j - 16] + s0 + w[j - 7] + s1 | 0;
      }
      var v = h.slice();
      for (j = 0; j < 64; j++) {
        var e = v[4], x = v[0];
        var t1 = v[7] + ((e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7)) + (e & v[5] ^ ~e & v[6]) + K[j] + w[j] | 0;
        var t2 = ((x >>> 2 | x << 30) ^ (x >>> 13 | x << 19) ^ (x >>> 22 | x << 10)) + (x & v[1] ^ x & v[2] ^ v[1] & v[2]) | 0;
        v = [t1 + t2 | 0, x, v[1], v[2], v[3] + t1 | 0, e, v[5], v[6]];
      }
      for (j = 0; j < 8; j++) h[j] = h[j] + v[j] | 0;
    }
    return h;
  }
  function enough(h) {
    for (var i = 0, left = bits; left > 0; i++, left -= 32) {
      var mask = left >= 32 ? -1 : ~(-1 >>> left);
      if ((h[i] & mask) !== 0) return false;
    }
    return true;
  }
  function work() {
    for (var end = nonce + 2000; nonce < end; nonce++) {
      if (enough(sha256(challenge + ':' + nonce))) { form.elements.nonce.value = '' + nonce; done = true; return; }
    }
    setTimeout(work, 0);
  }
  form.addEventListener('submit', function (e) {
    if (done) return;
    e.preventDefault();
    (function wait() { if (done) form.submit(); else setTimeout(wait, 100); })();
  });
  work();
})();
