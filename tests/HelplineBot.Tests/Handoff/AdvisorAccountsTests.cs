using HelplineBot.Handoff;
using HelplineBot.Handoff.Accounts;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HelplineBot.Tests.Handoff;

public class AdvisorAccountsTests
{
    private const string Password = "correct horse battery";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));

    private AdvisorAccounts CreateSut(TempDatabase db) =>
        new(db.Database, Options.Create(new HandoffOptions { LockoutAttempts = 3, LockoutDuration = TimeSpan.FromMinutes(15) }), _clock);

    [Fact]
    public async Task SignIn_RightPassword_SignsInAndStoresOnlyAHash()
    {
        await using var db = await TempDatabase.CreateAsync();
        var sut = CreateSut(db);
        var created = await sut.CreateAsync("sam.lee", "Sam Lee", AdvisorRoles.Supervisor, Password, CancellationToken.None);

        var outcome = await sut.SignInAsync("SAM.LEE", Password, CancellationToken.None);

        Assert.Equal(SignInStatus.SignedIn, outcome.Status);
        Assert.Equal(created.Id, outcome.Account!.Id);
        Assert.DoesNotContain(Password, created.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPasswordTooOften_LocksEvenTheRightPasswordOutUntilTheLockoutEnds()
    {
        await using var db = await TempDatabase.CreateAsync();
        var sut = CreateSut(db);
        await sut.CreateAsync("sam.lee", "Sam Lee", AdvisorRoles.Advisor, Password, CancellationToken.None);

        Assert.Equal(SignInStatus.Failed, (await sut.SignInAsync("sam.lee", "wrong one", CancellationToken.None)).Status);
        Assert.Equal(SignInStatus.Failed, (await sut.SignInAsync("sam.lee", "wrong two", CancellationToken.None)).Status);
        Assert.Equal(SignInStatus.LockedOut, (await sut.SignInAsync("sam.lee", "wrong three", CancellationToken.None)).Status);
        Assert.Equal(SignInStatus.LockedOut, (await sut.SignInAsync("sam.lee", Password, CancellationToken.None)).Status);

        _clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(SignInStatus.SignedIn, (await sut.SignInAsync("sam.lee", Password, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task SignIn_UnknownUser_Fails()
    {
        await using var db = await TempDatabase.CreateAsync();

        Assert.Equal(SignInStatus.Failed, (await CreateSut(db).SignInAsync("nobody", Password, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Create_ShortPassword_IsRefused()
    {
        await using var db = await TempDatabase.CreateAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => CreateSut(db).CreateAsync("sam", "Sam", AdvisorRoles.Advisor, "short", CancellationToken.None));
    }
}
