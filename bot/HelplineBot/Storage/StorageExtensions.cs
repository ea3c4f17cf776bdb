using HelplineBot.Hosting;
using HelplineBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelplineBot.Storage;

public static class StorageExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations()
            // Running on SQLite while the operator believes several instances share PostgreSQL would split the
            // queue and the transcripts between instances: refuse until that engine exists.
            .Validate(o => o.Engine != "Postgres",
                "Storage:Engine \"Postgres\" is not available in this version (the PostgreSQL engine is not built yet). Use \"Sqlite\" with one instance.")
            .ValidateOnStart();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteMigrator>();
        services.AddHostedService<StorageStartup>();
        services.TryAddSingleton(new RetentionSchedule());
        foreach (var table in ExpiredRows.Tables)
            services.AddSingleton<IExpiringRecords>(sp => new ExpiredRows(sp.GetRequiredService<SqliteDatabase>(), table));
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}

/// <summary>Migrates the schema before the app takes traffic; a failure stops the start.</summary>
internal sealed class StorageStartup(SqliteMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
