import { raterChoices } from './rater-choices';

describe('the raters a manager picks from', () => {
  it('joins the team and the owners of loaded rows, each once, sorted by name', () => {
    const choices = raterChoices(
      [
        { userId: '005-b', name: 'Sam Seller', roleId: 'r', isActive: true },
        { userId: '005-c', name: 'Lee Former', roleId: 'r', isActive: false },
      ],
      [
        { OwnerId: '005-b', 'Owner.Name': 'Sam Seller' },
        { OwnerId: '005-e', 'Owner.Name': 'Eve East' },
        { OwnerId: '005-e', 'Owner.Name': 'Eve East' },
        { OwnerId: null, 'Owner.Name': null },
      ],
    );
    expect(choices).toEqual([
      { userId: '005-e', name: 'Eve East', inTeam: false, isActive: null },
      { userId: '005-c', name: 'Lee Former', inTeam: true, isActive: false },
      { userId: '005-b', name: 'Sam Seller', inTeam: true, isActive: true },
    ]);
  });

  it('offers the loaded rows’ owners when the hierarchy gives no team', () => {
    expect(raterChoices(null, [{ OwnerId: '005-a', 'Owner.Name': null }])).toEqual([
      { userId: '005-a', name: '005-a', inTeam: false, isActive: null },
    ]);
  });
});
