using HelplineBot.Storage.Sqlite;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HelplineBot.Handoff.Accounts;

/// <summary>
/// Local advisor accounts: passwords hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2), and a lockout after <see cref="HandoffOptions.LockoutAttempts"/> failures in a row.
/// </summary>
public sealed class AdvisorAccounts(SqliteDatabase database, IOptions<HandoffOptions> options, TimeProvider clock)
{
    public const int MinimumPasswordLength = 12;

    private readonly PasswordHasher<AdvisorAccount> _hasher = new();

    public async Task<AdvisorAccount> CreateAsync(string userName, string displayName, string role, string password, CancellationToken cancellationToken)
    {
        if (!AdvisorRoles.IsValid(role)) throw new ArgumentException("Role must be advisor or supervisor.", nameof(role));
        if (password.Length < MinimumPasswordLength) throw new ArgumentException($"The password needs at least {MinimumPasswordLength} characters.", nameof(password));
        var account = new AdvisorAccount(Guid.NewGuid().ToString("N"), userName.Trim(), displayName.Trim(), role, "", 0, null);
        account = account with { PasswordHash = _hasher.HashPassword(account, password) };
        await using var connection = await database.OpenAsync(cancellationToken);
        await HandoffStore.ExecuteAsync(connection, null,
            "INSERT INTO advisors (id, user_name, display_name, role, password_hash, created_at) VALUES ($id, $user, $name, $role, $hash, $at)",
            cancellationToken, ("$id", account.Id), ("$user", account.UserName), ("$name", account.DisplayName), ("$role", role),
            ("$hash", account.PasswordHash), ("$at", clock.GetUtcNow().ToUnixTimeMilliseconds()));
        return account;
    }

    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var account = await FindAsync(userName, cancellationToken);
        var now = clock.GetUtcNow();
        if (account is null)
        {
            // Spend the same work as a real check, so timing does not reveal which user names exist.
            _hasher.VerifyHashedPassword(DummyAccount, DummyHash, password);
            return SignInOutcome.Failed;
        }
        if (account.LockedUntil is { } until && until > now) return SignInOutcome.LockedOut;

        var verdict = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        await using var connection = await database.OpenAsync(cancellationToken);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failed = account.FailedCount + 1;
            var locks = failed >= options.Value.LockoutAttempts;
            await HandoffStore.ExecuteAsync(connection, null,
                "UPDATE advisors SET failed_count = $failed, locked_until = $until WHERE id = $id", cancellationToken,
                ("$id", account.Id), ("$failed", locks ? 0 : failed), ("$until", locks ? (now + options.Value.LockoutDuration).ToUnixTimeMilliseconds() : null));
            return locks ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        }
        var newHash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(account, password) : account.PasswordHash;
        await HandoffStore.ExecuteAsync(connection, null,
            "UPDATE advisors SET failed_count = 0, locked_until = NULL, password_hash = $hash WHERE id = $id", cancellationToken,
            ("$id", account.Id), ("$hash", newHash));
        return new SignInOutcome(SignInStatus.SignedIn, account);
    }

    public async Task<AdvisorAccount?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = HandoffStore.Command(connection, null,
            "SELECT id, user_name, display_name, role, password_hash, failed_count, locked_until FROM advisors WHERE user_name = $user", ("$user", userName.Trim()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new AdvisorAccount(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.GetInt32(5), reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)));
    }

    private static readonly AdvisorAccount DummyAccount = new("", "", "", AdvisorRoles.Advisor, "", 0, null);
    private static readonly string DummyHash = new PasswordHasher<AdvisorAccount>().HashPassword(DummyAccount, Guid.NewGuid().ToString());
}
