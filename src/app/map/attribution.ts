// The map's attribution line: every data source the map shows or the build placed claims with (issue 8).
// GeoNames is CC BY 4.0 and OpenStreetMap's ODbL asks for "© OpenStreetMap contributors" wherever its data is used.
export const MAP_ATTRIBUTION =
  'Natural Earth · GeoNames (CC BY 4.0) · Who’s On First · © OpenStreetMap contributors (ODbL) · claims from the bundled news corpus';
