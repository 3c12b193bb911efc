// Map view of the offer search: markers from the page's JSON, tiles only from the county's own
// tile server (region.map_tile_url). Without a tile server the markers sit on a plain background.
(function () {
  "use strict";

  // Leaflet inserts the attribution as HTML; a coordinator typed it, so it goes in as text.
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function draw() {
    var element = document.getElementById("offers-map");
    var data = document.getElementById("offers-map-markers");
    if (!element || !data || !window.L || element.dataset.ready) return;
    var markers = JSON.parse(data.textContent);
    if (!markers.length) return;
    element.dataset.ready = "1";
    var icon = L.icon({
      iconUrl: element.dataset.icons + "marker-icon.png",
      iconRetinaUrl: element.dataset.icons + "marker-icon-2x.png",
      shadowUrl: element.dataset.icons + "marker-shadow.png",
      iconSize: [25, 41], iconAnchor: [12, 41], popupAnchor: [1, -34], shadowSize: [41, 41]
    });
    var map = L.map(element, { scrollWheelZoom: false });
    var tiles = element.dataset.tileUrl;
    if (tiles) {
      L.tileLayer(tiles, { attribution: escapeHtml(element.dataset.attribution || ""), maxZoom: 18 }).addTo(map);
    }
    var bounds = [];
    markers.forEach(function (m) {
      var link = document.createElement("a");
      link.href = m.url;
      link.textContent = m.title;
      var popup = document.createElement("div");
      popup.appendChild(link);
      var where = document.createElement("div");
      where.textContent = m.place;
      popup.appendChild(where);
      L.marker([m.lat, m.lon], { icon: icon, title: m.title, alt: m.title }).addTo(map).bindPopup(popup);
      bounds.push([m.lat, m.lon]);
    });
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
})();
