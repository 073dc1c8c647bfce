// CloudFront Function (viewer request): Framework's links omit ".html", and an S3 origin does not
// map /retention to retention.html or /reports/ to reports/index.html. Attach to the distribution's
// default behaviour.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf("/") + 1);
  if (uri.charAt(uri.length - 1) === "/") request.uri = uri + "index.html";
  else if (last.indexOf(".") < 0) request.uri = uri + ".html";
  return request;
}
