using HelplineBot.Safety;

namespace HelplineBot.Tests.Safety;

public class SafetyScreenTests
{
    private static SafetyScreen CreateSut() => SafetyRules.CreateScreen();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Screen_EmptyText_ReturnsNone(string? text)
    {
        var verdict = CreateSut().Screen(text);

        Assert.Equal(SafetyCategory.None, verdict.Category);
        Assert.False(verdict.IsCrisis);
        Assert.Empty(verdict.Evidence);
    }

    [Theory]
    [InlineData("I'm not feeling suicidal, I just want some information")]
    [InlineData("no thoughts of hurting myself, just asking about detox")]
    [InlineData("i would never want to hurt my children")]
    [InlineData("I don't want to die, I want to get better")]
    [InlineData("no estoy pensando en suicidarme")]
    public void Screen_NegatedStatement_ReturnsNone(string text)
    {
        var verdict = CreateSut().Screen(text);

        Assert.Equal(SafetyCategory.None, verdict.Category);
        Assert.Contains(verdict.Evidence, e => e.SetAsideBy == SafetyScreen.Negation);
    }

    [Fact]
    public void Screen_NegationBeforeAClauseBreak_DoesNotReachTheNextClause()
    {
        var verdict = CreateSut().Screen("I'm not suicidal but I really want to cut right now");

        Assert.Equal(SafetyCategory.CrisisSelfHarm, verdict.Category);
    }

    [Fact]
    public void Screen_NegationFarBeforeTheWords_DoesNotCancelThem()
    {
        var verdict = CreateSut().Screen("not sure why i am telling a bot this but honestly i want to die");

        Assert.Equal(SafetyCategory.CrisisSuicide, verdict.Category);
    }

    [Fact]
    public void Screen_DontWantToLive_IsIdeationNotANegation()
    {
        Assert.Equal(SafetyCategory.CrisisSuicide, CreateSut().Screen("i don't want to live anymore").Category);
    }

    [Theory]
    [InlineData("this wait is killing me")]
    [InlineData("I'd die for a coffee")]
    [InlineData("my mom's gonna kill me if she finds out I skipped school")]
    [InlineData("killing time before my appointment, what is outpatient?")]
    [InlineData("lol i'm dead 😂")]
    [InlineData("I could die of embarrassment, I want to die of shame lol")]
    [InlineData("got a killer headache since quitting")]
    public void Screen_Idiom_ReturnsNone(string text) => Assert.Equal(SafetyCategory.None, CreateSut().Screen(text).Category);

    [Theory]
    [InlineData("what are the signs of an overdose?")]
    [InlineData("can you die from mixing ketamine and alcohol?")]
    [InlineData("how do people overdose on k?")]
    [InlineData("what should I do if a friend passes out at a festival? asking ahead")]
    [InlineData("my son is using ketamine, how do I help him")]
    public void Screen_InformationalOrThirdPartyQuestion_ReturnsNone(string text) =>
        Assert.Equal(SafetyCategory.None, CreateSut().Screen(text).Category);

    [Theory]
    [InlineData("my friend took K and now he won't wake up")]
    [InlineData("what do I do, my girlfriend is unconscious after ket")]
    [InlineData("is it an overdose if she's barely breathing? she did k an hour ago")]
    [InlineData("what are the signs of overdose? my friend isn't breathing right")]
    public void Screen_ThirdPartyEmergencyEvenAsAQuestion_ReturnsOverdoseMedical(string text) =>
        Assert.Equal(SafetyCategory.CrisisOverdoseMedical, CreateSut().Screen(text).Category);

    [Theory]
    [InlineData("I attempted suicide years ago, can I still get into rehab?")]
    [InlineData("my brother used to cut himself, is that genetic?")]
    [InlineData("I overdosed on ketamine last year and I'm scared of relapsing")]
    public void Screen_PastEvent_ReturnsNone(string text) => Assert.Equal(SafetyCategory.None, CreateSut().Screen(text).Category);

    [Fact]
    public void Screen_PastEventWithPresentSignalInTheSameClause_IsStillACrisis()
    {
        Assert.Equal(SafetyCategory.CrisisSelfHarm, CreateSut().Screen("i used to self harm and tonight i am self harming again").Category);
    }

    [Theory]
    [InlineData("me quiero morir", SafetyCategory.CrisisSuicide)]
    [InlineData("ya no quiero vivir", SafetyCategory.CrisisSuicide)]
    [InlineData("me estoy cortando", SafetyCategory.CrisisSelfHarm)]
    [InlineData("mi novio no respira", SafetyCategory.CrisisOverdoseMedical)]
    [InlineData("mi pareja me pega y tengo miedo", SafetyCategory.CrisisAbuseDanger)]
    [InlineData("voy a lastimar a alguien", SafetyCategory.CrisisHarmToOthers)]
    [InlineData("quiero hablar con una persona real", SafetyCategory.HumanRequest)]
    [InlineData("¿cuánto cuesta el tratamiento?", SafetyCategory.None)]
    public void Screen_Spanish_ReturnsCategory(string text, SafetyCategory expected) => Assert.Equal(expected, CreateSut().Screen(text).Category);

    [Theory]
    [InlineData("real person")]
    [InlineData("agent")]
    [InlineData("can I talk to someone")]
    [InlineData("is anyone there?")]
    [InlineData("call me back please")]
    [InlineData("I'd like a callback tomorrow")]
    [InlineData("stop, let me speak with an advisor")]
    [InlineData("hablar con alguien")]
    public void Screen_RequestForAPerson_ReturnsHumanRequest(string text) =>
        Assert.Equal(SafetyCategory.HumanRequest, CreateSut().Screen(text).Category);

    [Theory]
    [InlineData("are the advisors real people?")]
    [InlineData("do your counselors have medical training?")]
    [InlineData("you can call me Jo")]
    public void Screen_MentionOfAdvisorsWithoutAsking_ReturnsNone(string text) =>
        Assert.Equal(SafetyCategory.None, CreateSut().Screen(text).Category);

    [Fact]
    public void Screen_CrisisAndHumanRequest_CrisisWins()
    {
        var verdict = CreateSut().Screen("let me talk to a real person, I want to kill myself");

        Assert.Equal(SafetyCategory.CrisisSuicide, verdict.Category);
        Assert.Contains(verdict.Evidence, e => e.Category == SafetyCategory.HumanRequest && e.Counts);
    }

    [Fact]
    public void Screen_IngestionAlreadyDoneWithSuicidalIntent_OverdoseMedicalFirst()
    {
        var verdict = CreateSut().Screen("i swallowed a whole bottle of pills because i want to die");

        Assert.Equal(SafetyCategory.CrisisOverdoseMedical, verdict.Category);
        Assert.True(verdict.IsCrisis);
    }

    [Fact]
    public void Screen_Crisis_EvidenceNamesTheRuleAndTheWords()
    {
        var verdict = CreateSut().Screen("I WANT TO DIEEEE");

        var evidence = Assert.Single(verdict.Evidence);
        Assert.Equal("suicide-ideation", evidence.RuleId);
        Assert.Equal("want to die", evidence.Matched);
        Assert.InRange(verdict.Confidence, 0.5, 0.99);
        Assert.Equal(SafetyLabels.CrisisSuicide, verdict.Label);
    }

    [Fact]
    public void Screen_SingleWeakSignal_ReturnsNoneButTwoTogetherAreACrisis()
    {
        var sut = CreateSut();

        Assert.Equal(SafetyCategory.None, sut.Screen("tonight is the night").Category);
        Assert.Equal(SafetyCategory.CrisisSuicide, sut.Screen("tonight is the night. i feel so hopeless").Category);
    }

    [Fact]
    public void Screen_BenignMessage_AllocatesAlmostNothing()
    {
        var sut = CreateSut();
        for (var i = 0; i < 20; i++) sut.Screen("how long does outpatient treatment take?");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) sut.Screen("how long does outpatient treatment take?");
        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

        Assert.True(perCall < 256, $"allocated {perCall} bytes per message");
    }

    [Fact]
    public void Verdict_ToString_NeverContainsThePersonsWords()
    {
        var verdict = CreateSut().Screen("my boyfriend Jamal beats me");

        Assert.DoesNotContain("beats", verdict.ToString());
        Assert.DoesNotContain("beats", verdict.Evidence[0].ToString());
        Assert.Contains("beats me", verdict.Evidence[0].ForAdvisor);
        Assert.StartsWith("crisis_abuse_danger", verdict.ToString());
    }
}
