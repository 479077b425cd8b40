// Journey: the "Skills" container sits in the activity bar and opens the Remote Skills view.
import { skillsActivityIcon } from './support/workbench.mjs';

/** The journey's name, as the runner prints it. */
export const name = 'the Skills activity-bar container is visible and opens';

/** Clicks the Skills icon and checks the side bar shows the container with its Remote Skills view. */
export async function run({ page, screenshot }) {
  await skillsActivityIcon(page).click();
  // With one view the side bar's title reads "Skills: Remote Skills"; with more, the view has its own header.
  await page.locator('.part.sidebar').getByText(/Remote Skills/i).filter({ visible: true }).first().waitFor();
  await page.locator('.part.sidebar .composite.title').getByText(/Skills/i).filter({ visible: true }).first().waitFor();
  await screenshot('skills-view');
}
