using System.Net;
using Polly;
using Polly.Timeout;

namespace HelplineBot.Protocol.Connector;

/// <summary>
/// Which Connector outcomes are worth another try: network failures, timeouts, 408, 412, 429 and 5xx
/// except 501/505 (Teams asks for retries on 412/429/502/504 with back-off, protocol.md §4).
/// </summary>
public static class ConnectorFailures
{
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported));
}
