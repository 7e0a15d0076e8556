// The query page: YASGUI pointed at this server's /sparql, kg's named queries in a menu.
// Nothing is fetched from other hosts (the server's Content-Security-Policy forbids it).
(function () {
  "use strict";
  const endpoint = new URL("/sparql", window.location.href).href;
  const queries = JSON.parse(document.getElementById("kg-queries").textContent);
  document.getElementById("endpoint").textContent = endpoint;
  const first = queries["officials-and-posts"] || Object.values(queries)[0] || "SELECT * WHERE { ?s ?p ?o } LIMIT 10";
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    // The endpoint box offers this server only; YASGUI's default list names remote endpoints.
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null,
    yasqe: { value: first },
  });
  const menu = document.getElementById("named");
  Object.keys(queries).sort().forEach(function (name) {
    const option = document.createElement("option");
    option.value = name;
    option.textContent = name;
    menu.appendChild(option);
  });
  menu.addEventListener("change", function () {
    if (!menu.value) return;
    const tab = yasgui.getTab();
    tab.setQuery(queries[menu.value]);
    tab.query();
  });
  window.kgYasgui = yasgui;
})();
