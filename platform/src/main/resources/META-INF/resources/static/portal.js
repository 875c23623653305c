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
