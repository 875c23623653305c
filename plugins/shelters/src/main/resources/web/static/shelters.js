// The map (only where the county set a tile server): shelters from the module's GeoJSON; "nearest" from the
// phone's position, shown on the map or, without one, as a list. No CDN: Leaflet is ours.
(function () {
  var el = document.getElementById('map');
  var places = el || document.getElementById('places');
  if (!places) { return; }
  var map = window.L && el ? L.map(el).setView([+el.dataset.lat, +el.dataset.lon], +el.dataset.zoom) : null;
  if (map) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution }).addTo(map);
    L.Icon.Default.imagePath = el.dataset.images;
  }

  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
  function links(p) { return '<a href="' + esc(p.navigation.amap) + '">高德导航</a> <a href="' + esc(p.navigation.geo)
    + '">手机地图</a> <a href="' + esc(p.navigation.apple) + '">苹果地图</a>'; }

  if (map) fetch(el.dataset.geojson).then(function (r) { return r.json(); }).then(function (data) {
    L.geoJSON(data, {
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, { radius: 8, color: f.properties.open ? '#2e7d32' : '#9e9e9e', fillOpacity: .8 });
      },
      onEachFeature: function (f, layer) {
        var p = f.properties;
        layer.bindPopup('<strong>' + esc(p.name) + '</strong> ' + (p.open ? '开放' : '关闭') + '<br>可容纳 '
          + esc(p.capacity) + ' 人<br>' + esc(p.facilities.join('、')) + '<br>' + links(p));
      }
    }).addTo(map);
  });

  document.getElementById('near').addEventListener('click', function () {
    var list = document.getElementById('nearest');
    if (!navigator.geolocation) { list.innerHTML = '<li>此手机无法定位。</li>'; return; }
    list.innerHTML = '<li>正在定位…</li>';
    navigator.geolocation.getCurrentPosition(function (pos) {
      var lat = pos.coords.latitude, lon = pos.coords.longitude;
      if (map) { L.marker([lat, lon]).addTo(map).bindPopup('我的位置'); }
      fetch(places.dataset.nearest + '?lat=' + lat + '&lon=' + lon + '&limit=3').then(function (r) { return r.json(); })
        .then(function (items) {
          list.innerHTML = items.length ? items.map(function (s) {
            return '<li><strong>' + esc(s.name) + '</strong> 约 ' + Math.round(s.distanceMetres) + ' 米 · 可容纳 '
              + esc(s.capacity) + ' 人<br>' + links(s) + '</li>';
          }).join('') : '<li>附近没有开放的场所。</li>';
          if (map && items.length) { map.fitBounds([[lat, lon], [items[0].lat, items[0].lon]], { padding: [30, 30] }); }
        });
    }, function () { list.innerHTML = '<li>无法取得位置，请在下方列表中查找。</li>'; }, { timeout: 10000 });
  });
})();
