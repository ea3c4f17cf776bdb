using Microsoft.AspNetCore.Diagnostics;

namespace HelplineBot.Hosting;

public static class HostingExtensions
{
    /// <summary>Problem details, options of the cross-cutting sections, and the request reader.</summary>
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<HelplineOptions>().BindConfiguration(HelplineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ActivityReader>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    /// <summary>
    /// Every unhandled failure becomes a 500 problem with no exception text, and malformed requests that
    /// Kestrel rejects keep their own status; callers never see a stack trace.
    /// </summary>
    public static WebApplication UseHosting(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        return app;
    }
}
