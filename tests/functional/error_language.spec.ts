import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeUser, signIn } from '#tests/helpers/auth'

test.group("Error messages in the user's language", (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('the admin asking in Spanish gets Spanish messages', async ({ client, assert }) => {
    const user = await makeUser('agent')
    const response = await client
      .post('/api/auth/login')
      .header('accept-language', 'es-CO,es;q=0.9')
      .json({ email: user.email, password: 'nope' })
      .withCsrfToken()
    response.assertStatus(401)
    assert.equal(response.body().error.message, 'Correo o contraseña incorrectos')
  })

  test('API clients without a language get English', async ({ client, assert }) => {
    const user = await makeUser('agent')
    const response = await client
      .post('/api/auth/login')
      .json({ email: user.email, password: 'nope' })
      .withCsrfToken()
    assert.equal(response.body().error.message, 'Wrong email or password')
  })

  test('field errors and plugin refusals are worded in Spanish', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const invalid = await admin
      .post('/api/r/greetings')
      .header('accept-language', 'es')
      .json({ message: 'x', priority: 9 })
    invalid.assertStatus(422)
    assert.equal(invalid.body().error.fields[0].message, 'Debe ser como máximo 5')
    assert.equal(invalid.body().error.message, 'priority: Debe ser como máximo 5')

    const refused = await admin.post('/api/plugins/hello/disable').header('accept-language', 'es')
    refused.assertStatus(409)
    assert.equal(
      refused.body().error.message,
      'No se puede desactivar "hello": "greeter-extra" dependen de él; desactívelos antes'
    )
  })
})
