/* 朗读 (read aloud) with the browser's own speech synthesis; the page works without it. */
(function () {
  var s = window.speechSynthesis;
  if (!s || !window.SpeechSynthesisUtterance) return;
  document.documentElement.className += ' tts';
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('[data-read]');
    if (!b) return;
    e.preventDefault();
    if (s.speaking) { s.cancel(); return; }
    var el = document.getElementById(b.getAttribute('data-read')) || document.querySelector('main');
    var text = el.innerText.replace(/▶[^\n]*\n?/g, '');
    var lang = document.documentElement.lang === 'en' ? 'en-US' : 'zh-CN';
    var voice = s.getVoices().filter(function (v) { return v.lang.replace('_', '-').indexOf(lang.slice(0, 2)) === 0; })[0];
    text.split(/(?<=[。！？.!?\n])/).forEach(function (part) {
      if (!part.trim()) return;
      var u = new SpeechSynthesisUtterance(part);
      u.lang = lang; u.rate = 0.9;
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
