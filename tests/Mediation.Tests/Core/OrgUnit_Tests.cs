using Mediation.Core.Domain;
using Mediation.Core.OrgUnits.Domain;
using Shouldly;

namespace Mediation.Tests.Core;

public sealed class OrgUnit_Tests
{
    private static readonly OrgUnit City = OrgUnit.CreateRoot(Guid.NewGuid(), "370900", "泰安市", OrgUnitKind.City, 0);

    private static OrgUnit Child(OrgUnit parent, OrgUnitKind kind, string name = "单位") =>
        OrgUnit.CreateChild(Guid.NewGuid(), parent, Guid.NewGuid().ToString("N")[..8], name, kind, 0);

    [Fact]
    public void A_root_must_be_a_city() =>
        Should.Throw<BusinessException>(() => OrgUnit.CreateRoot(Guid.NewGuid(), "1", "泰山区", OrgUnitKind.County, 0))
            .Code.ShouldBe(OrgUnitErrorCodes.RootMustBeCity);

    [Theory]
    [InlineData(OrgUnitKind.County, OrgUnitKind.County)]
    [InlineData(OrgUnitKind.County, OrgUnitKind.City)]
    [InlineData(OrgUnitKind.Community, OrgUnitKind.Township)]
    public void A_child_must_sit_below_its_parent(OrgUnitKind parentKind, OrgUnitKind childKind)
    {
        var parent = DescendTo(parentKind);
        Should.Throw<BusinessException>(() => Child(parent, childKind))
            .Code.ShouldBe(OrgUnitErrorCodes.ChildKindNotBelowParent);
    }

    [Fact]
    public void The_path_lists_every_ancestor_so_scope_is_a_prefix_match()
    {
        var county = Child(City, OrgUnitKind.County);
        var town = Child(county, OrgUnitKind.Township);
        var village = Child(town, OrgUnitKind.Community);

        village.Path.ShouldStartWith(town.Path);
        town.Path.ShouldStartWith(county.Path);
        village.Depth.ShouldBe(4);
        county.IsSelfOrAncestorOf(village).ShouldBeTrue();
        village.IsSelfOrAncestorOf(county).ShouldBeFalse();
    }

    [Fact]
    public void A_sibling_is_not_inside_another_siblings_scope()
    {
        var taishan = Child(City, OrgUnitKind.County, "泰山区");
        var daiyue = Child(City, OrgUnitKind.County, "岱岳区");
        taishan.IsSelfOrAncestorOf(Child(daiyue, OrgUnitKind.Township)).ShouldBeFalse();
    }

    [Fact]
    public void Moving_a_unit_rewrites_its_path_and_descendants_follow()
    {
        var taishan = Child(City, OrgUnitKind.County, "泰山区");
        var daiyue = Child(City, OrgUnitKind.County, "岱岳区");
        var town = Child(taishan, OrgUnitKind.Township);
        var village = Child(town, OrgUnitKind.Community);

        var oldPath = town.MoveUnder(daiyue);
        village.Rebase(oldPath, town.Path);

        town.ParentId.ShouldBe(daiyue.Id);
        village.Path.ShouldStartWith(daiyue.Path);
        taishan.IsSelfOrAncestorOf(village).ShouldBeFalse();
    }

    [Fact]
    public void A_unit_cannot_move_under_its_own_descendant()
    {
        var county = Child(City, OrgUnitKind.County);
        var town = Child(county, OrgUnitKind.Township);
        Should.Throw<BusinessException>(() => county.MoveUnder(town)).Code.ShouldBe(OrgUnitErrorCodes.CannotMoveUnderItself);
    }

    [Fact]
    public void A_unit_with_active_children_cannot_be_deactivated()
    {
        var county = Child(City, OrgUnitKind.County);
        Should.Throw<BusinessException>(() => county.Deactivate(hasActiveChildren: true)).Code.ShouldBe(OrgUnitErrorCodes.HasActiveChildren);
        county.Deactivate(hasActiveChildren: false);
        county.IsActive.ShouldBeFalse();
    }

    [Fact]
    public void Nothing_is_added_under_a_deactivated_unit()
    {
        var county = Child(City, OrgUnitKind.County);
        county.Deactivate(hasActiveChildren: false);
        Should.Throw<BusinessException>(() => Child(county, OrgUnitKind.Township)).Code.ShouldBe(OrgUnitErrorCodes.ParentInactive);
    }

    private static OrgUnit DescendTo(OrgUnitKind kind)
    {
        var unit = City;
        for (var k = OrgUnitKind.County; k <= kind; k++) unit = Child(unit, k);
        return unit;
    }
}
